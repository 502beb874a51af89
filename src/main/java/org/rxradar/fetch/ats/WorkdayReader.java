package org.rxradar.fetch.ats;

import static org.rxradar.fetch.ats.ListingFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.Dates;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.ItemFactory;
import org.rxradar.fetch.TextCleaner;
import org.rxradar.model.Item;
import org.rxradar.model.Json;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;

/**
 * A Workday career site ({@code https://<tenant>.wd<N>.myworkdayjobs.com[/<locale>]/<Site>}) through
 * the JSON API its own pages call: one search per search phrase ({@code POST .../wday/cxs/<tenant>/<Site>/jobs},
 * 20 postings a page), the union of the results by {@code externalPath}, then the details of each
 * posting not seen before ({@code GET .../wday/cxs/<tenant>/<Site><externalPath>}). Workday states no
 * pay: the tagger reads it from the description.
 */
public final class WorkdayReader implements JobListingReader {
    static final int PAGE_SIZE = 20; // Workday refuses more
    private static final Pattern HOST = Pattern.compile("(?i)^([a-z0-9-]+)\\.(wd\\d+\\.)?myworkdayjobs\\.com$");
    private static final Pattern LOCALE = Pattern.compile("^[a-z]{2}(-[A-Za-z]{2,4})?$");
    private static final Pattern DAYS_AGO = Pattern.compile("(?i)(\\d{1,4})\\+?\\s+days?\\s+ago");

    /**
     * Where a site's postings are read and shown.
     *
     * @param origin     scheme and host of the public site
     * @param sitePath   the public path of the site ("/en-US/Acme_Careers"): postings are at sitePath + externalPath
     * @param list       the search endpoint
     * @param detailBase the endpoint the externalPath of a posting is appended to
     */
    record Site(String label, String origin, String sitePath, URI list, String detailBase) {

        static Site of(RxRadarConfig.Source source) throws SourceConfigException {
            String expected = "workday source '" + source.id() + "': url '" + source.url()
                    + "' is not a Workday career site (https://<tenant>.wd<N>.myworkdayjobs.com/<Site>)";
            URI url;
            try {
                url = new URI(source.url().trim());
            } catch (Exception e) {
                throw new SourceConfigException(expected);
            }
            if (url.getHost() == null || url.getScheme() == null) throw new SourceConfigException(expected);
            Matcher host = HOST.matcher(url.getHost());
            String tenant = host.matches() ? host.group(1) : null;
            if (tenant == null && source.apiUrl() == null) throw new SourceConfigException(expected);
            String locale = null;
            String site = null;
            for (String segment : url.getRawPath() == null ? new String[0] : url.getRawPath().split("/")) {
                if (segment.isEmpty()) continue;
                if (locale == null && site == null && LOCALE.matcher(segment).matches()) locale = segment;
                else if (site == null) site = segment;
            }
            if (site == null) throw new SourceConfigException(expected + ": it names no site");
            String origin = url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority();
            String list = source.apiUrl() != null ? source.apiUrl().trim()
                    : origin + "/wday/cxs/" + tenant + "/" + site + "/jobs";
            String detailBase = list.replaceAll("/+$", "").replaceAll("/jobs$", "");
            try {
                return new Site("workday site '" + (tenant == null ? "" : tenant + "/") + site + "'", origin,
                        (locale == null ? "" : "/" + locale) + "/" + site, new URI(list), detailBase);
            } catch (Exception e) {
                throw new SourceConfigException("workday source '" + source.id() + "': api-url '" + list + "' is not a URL");
            }
        }

        String publicUrl(String externalPath) {
            return origin + sitePath + UrlPaths.encode(externalPath);
        }

        URI detail(String externalPath) {
            return URI.create(detailBase + UrlPaths.encode(externalPath));
        }
    }

    @Override
    public Listing read(RxRadarConfig.Source source, ListingClient client) throws FetchException {
        Site site = Site.of(source);
        Listing.Builder listing = Listing.builder(source.search());
        Map<String, JsonNode> postings = ListingPager.union(source.search(), "search", PAGE_SIZE,
                (phrase, offset) -> page(site, phrase, offset, client), p -> text(p, "externalPath"),
                path -> path.startsWith("/"), "an externalPath", listing);

        ItemFactory factory = new ItemFactory(source.id(), Kind.JOB, client.now());
        List<PostingDetails.Entry<JsonNode>> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : postings.entrySet()) {
            Item item = listingItem(site, e.getKey(), e.getValue(), source, factory, client.now());
            if (item != null) entries.add(new PostingDetails.Entry<>(item, fingerprint(e.getKey(), e.getValue()), e.getValue()));
        }
        PostingDetails.read(entries, client, listing, entry -> detail(site, entry, source, factory, client));
        return listing.build();
    }

    private static ListingPager.Page page(Site site, String phrase, int offset, ListingClient client) throws FetchException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("appliedFacets");
        body.put("limit", PAGE_SIZE);
        body.put("offset", offset);
        body.put("searchText", phrase);
        JsonNode answer = answer(site, () -> client.postJson(site.list(), body.toString()));
        JsonNode postings = answer.path("jobPostings");
        if (!postings.isArray()) {
            throw new FetchException(site.label() + ": the answer from " + site.list() + " has no jobPostings list");
        }
        List<JsonNode> out = new ArrayList<>();
        postings.forEach(out::add);
        JsonNode total = answer.path("total");
        return new ListingPager.Page(total.isNumber() ? total.asInt() : -1, PAGE_SIZE, out);
    }

    // the fields of a listing entry that tell a changed posting; not postedOn, which ages every day
    private static String fingerprint(String path, JsonNode p) {
        return Fingerprints.of("workday", path, text(p, "title"), text(p, "locationsText"), p.path("bulletFields").toString());
    }

    private static Item listingItem(Site site, String path, JsonNode p, RxRadarConfig.Source source, ItemFactory factory,
                                    Instant now) {
        JsonNode bullets = p.path("bulletFields");
        String reqId = bullets.isArray() && bullets.size() > 0 ? bullets.get(0).asText(null) : null;
        Posting posting = new Posting(site.publicUrl(path), null, text(p, "title"), null, postedOn(text(p, "postedOn"), now),
                source.name(), ListingFields.place(text(p, "locationsText"), false), null, null, null, reqId);
        return posting.toItem(factory);
    }

    // the posting from its details; the listing entry fills what they leave out
    private static PostingDetails.Detail detail(Site site, JsonNode entry, RxRadarConfig.Source source, ItemFactory factory,
                                                ListingClient client) throws FetchException {
        String path = text(entry, "externalPath");
        JsonNode answer = client.getJson(site.detail(path), Map.of());
        JsonNode info = answer.path("jobPostingInfo");
        if (!info.isObject()) return null;
        String html = ListingFields.html(text(info, "jobDescription"));
        String employer = text(answer.path("hiringOrganization"), "name");
        Instant posted = Dates.parse(text(info, "startDate"), client.now());
        if (posted == null) posted = postedOn(text(info, "postedOn"), client.now());
        String title = text(info, "title");
        Place place = place(info);
        Posting posting = new Posting(site.publicUrl(path), null, title != null ? title : text(entry, "title"), html, posted,
                employer != null ? employer : source.name(),
                place != null ? place : ListingFields.place(text(entry, "locationsText"), false), null,
                ListingFields.employment(text(info, "timeType")), null, text(info, "jobReqId"));
        return new PostingDetails.Detail(posting.toItem(factory), TextCleaner.plain(html));
    }

    // the primary location read into a place; further locations only named in its text
    private static Place place(JsonNode info) {
        String primary = text(info, "location");
        boolean remote = "remote".equalsIgnoreCase(text(info, "remoteType"));
        Place place = ListingFields.place(primary, remote);
        JsonNode more = info.path("additionalLocations");
        if (place == null || !more.isArray() || more.isEmpty()) return place;
        StringBuilder text = new StringBuilder(place.text() == null ? "" : place.text());
        for (JsonNode l : more) {
            if (l.isTextual() && !l.asText().isBlank()) text.append(text.length() > 0 ? "; " : "").append(l.asText().trim());
        }
        return new Place(text.toString(), place.city(), place.state(), place.remote());
    }

    /** "Posted Today", "Posted Yesterday", "Posted 3 Days Ago", "Posted 30+ Days Ago" as an instant; null otherwise. */
    static Instant postedOn(String text, Instant now) {
        if (text == null) return null;
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("today")) return now;
        if (t.contains("yesterday")) return now.minus(Duration.ofDays(1));
        Matcher m = DAYS_AGO.matcher(t);
        if (m.find()) return now.minus(Duration.ofDays(Integer.parseInt(m.group(1))));
        return null;
    }

    private interface Call {
        JsonNode run() throws FetchException;
    }

    // the listing's errors name the site; status errors stay what they are (the fetch stage reads 401/403 from them)
    private static JsonNode answer(Site site, Call call) throws FetchException {
        try {
            return call.run();
        } catch (HttpStatusException | SourceConfigException e) {
            throw e;
        } catch (FetchException e) {
            throw new FetchException(site.label() + ": " + e.getMessage(), e);
        }
    }
}
