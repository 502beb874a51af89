package org.rxradar.fetch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.rxradar.fetch.ats.HttpStatusException;
import org.rxradar.fetch.ats.ListingClient;
import org.rxradar.model.Json;

/**
 * The {@link ListingClient} of one poll of one job-listing source: the shared HTTP client, the host
 * limiter on every request, robots.txt before pages (not before APIs, which exist to be called), and
 * the source's memory of postings.
 */
final class ListingHttp implements ListingClient {
    private static final String JSON_ACCEPT = "application/json, text/json;q=0.9, */*;q=0.5";

    private final HttpFetcher http;
    private final HostLimiter limiter;
    private final RobotsCache robots;
    private final SourceState state;
    private final Instant now;

    ListingHttp(HttpFetcher http, HostLimiter limiter, RobotsCache robots, SourceState state, Instant now) {
        this.http = http;
        this.limiter = limiter;
        this.robots = robots;
        this.state = state;
        this.now = now;
    }

    @Override
    public JsonNode getJson(URI url, Map<String, String> headers) throws FetchException {
        return json(url, HttpCall.getWith(headers));
    }

    @Override
    public JsonNode postJson(URI url, String json) throws FetchException {
        return json(url, HttpCall.postJson(json));
    }

    private JsonNode json(URI url, HttpCall call) throws FetchException {
        FetchResponse response = limited(url, JSON_ACCEPT, call);
        if (!response.ok()) throw new HttpStatusException(response.status(), call.method(), url);
        try {
            JsonNode node = Json.MAPPER.readTree(response.body());
            if (node == null || node.isMissingNode()) throw new FetchException("empty answer instead of JSON from " + url);
            return node;
        } catch (JsonProcessingException e) {
            throw new FetchException("malformed JSON from " + url + ": " + withoutSource(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new FetchException("unreadable JSON from " + url + ": " + e.getMessage(), e);
        }
    }

    // Jackson names its input ("[Source: REDACTED …]") and repeats the location: one short line instead
    private static String withoutSource(String message) {
        if (message == null) return "unreadable";
        int cut = message.indexOf(" (start marker at");
        if (cut < 0) cut = message.indexOf("\n at [Source");
        if (cut < 0) cut = message.indexOf('\n');
        return (cut < 0 ? message : message.substring(0, cut)).trim();
    }

    @Override
    public FetchResponse get(URI url, String accept) throws FetchException {
        if (!robots.allows(url)) throw new FetchException("robots.txt disallows " + url);
        return limited(url, accept, HttpCall.GET);
    }

    private FetchResponse limited(URI url, String accept, HttpCall call) throws FetchException {
        return limiter.fetch(url, () -> http.fetch(url, Validators.NONE, accept, call));
    }


    @Override
    public Known known(String itemId, String listingFingerprint) {
        SourceState.Seen seen = state.seen.get(itemId);
        if (seen != null && seen.closed() == null && seen.hash().equals(listingFingerprint)) return Known.PUBLISHED;
        SourceState.Seen ignored = state.ignored.get(itemId);
        if (ignored != null && ignored.hash().equals(listingFingerprint)) return Known.IGNORED;
        return Known.NEW;
    }

    @Override
    public Instant now() {
        return now;
    }
}
