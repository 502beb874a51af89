package org.rxradar.fetch.ats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.rxradar.fetch.TestServer;
import org.rxradar.model.Json;

/**
 * A Workday career site's JSON API on a local server, replaying the fixtures under ats/workday/:
 * the search answers pages of {@link #postings} (the total on the first page only, as real Workday
 * does), a detail answers detail-&lt;req&gt;.json or the template. Records what it was asked.
 */
final class WorkdaySite implements AutoCloseable {
    static final String API = "/wday/cxs/acmerx/Acme_Careers";
    static final String PUBLIC = "https://acmerx.wd1.myworkdayjobs.com/en-US/Acme_Careers";

    final TestServer server;
    /** The postings the site lists, in order; tests change it between polls. */
    final List<JsonNode> postings = new CopyOnWriteArrayList<>();
    /** The body of every search request. */
    final List<JsonNode> searches = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> detailRequests = new ConcurrentHashMap<>();
    /** Search answers replaced by offset: [status, body]. */
    final Map<Integer, Object[]> pageAnswers = new ConcurrentHashMap<>();
    /** Detail statuses replaced by externalPath. */
    final Map<String, Integer> detailStatus = new ConcurrentHashMap<>();
    /** When true the search ignores the offset and announces 1000 postings (a misbehaving server). */
    volatile boolean repeatFirstPage;

    WorkdaySite() throws IOException {
        this("workday/jobs.json");
    }

    WorkdaySite(String listing) throws IOException {
        Fixtures.noDelay();
        Fixtures.json(listing).path("jobPostings").forEach(postings::add);
        server = new TestServer().on(API + "/", this::handle);
    }

    String apiUrl() {
        return server.url(API + "/jobs").toString();
    }

    int details() {
        return detailRequests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** A listing entry like the fixture's, for a posting the fixture does not hold. */
    static ObjectNode entry(String title, String externalPath, String location) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("title", title).put("externalPath", externalPath).put("locationsText", location).put("postedOn", "Posted Today");
        p.putArray("bulletFields").add(externalPath.substring(externalPath.lastIndexOf('_') + 1));
        return p;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath().substring(API.length());
        if (path.equals("/jobs") && ex.getRequestMethod().equals("POST")) {
            search(ex);
        } else if (ex.getRequestMethod().equals("GET")) {
            detail(ex, path);
        } else {
            TestServer.send(ex, 405, null, null);
        }
    }

    private void search(HttpExchange ex) throws IOException {
        JsonNode body = Json.MAPPER.readTree(ex.getRequestBody().readAllBytes());
        searches.add(body);
        int offset = body.path("offset").asInt();
        int limit = body.path("limit").asInt();
        Object[] replaced = pageAnswers.get(offset);
        if (replaced != null) {
            TestServer.send(ex, (Integer) replaced[0], "application/json", ((String) replaced[1]).getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (repeatFirstPage) offset = 0;
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("total", repeatFirstPage ? 1000 : offset == 0 ? postings.size() : 0);
        ArrayNode page = answer.putArray("jobPostings");
        List<JsonNode> all = new ArrayList<>(postings);
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) page.add(all.get(i));
        answer.putArray("facets");
        TestServer.send(ex, 200, "application/json", Json.MAPPER.writeValueAsBytes(answer));
    }

    private void detail(HttpExchange ex, String externalPath) throws IOException {
        detailRequests.computeIfAbsent(externalPath, k -> new AtomicInteger()).incrementAndGet();
        Integer status = detailStatus.get(externalPath);
        JsonNode listed = postings.stream().filter(p -> p.path("externalPath").asText().equals(externalPath)).findFirst().orElse(null);
        if (status == null && listed == null) status = 404;
        if (status != null) {
            TestServer.send(ex, status, "application/json", "{\"errorCode\":\"HTTP_NOT_FOUND\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String req = externalPath.substring(externalPath.lastIndexOf('_') + 1);
        String text = Fixtures.text("workday/detail-" + req + ".json");
        if (text == null) {
            text = Fixtures.text("workday/detail-template.json")
                    .replace("{{title}}", listed.path("title").asText())
                    .replace("{{location}}", listed.path("locationsText").asText())
                    .replace("{{reqId}}", req)
                    .replace("{{jobPostingId}}", externalPath.substring(externalPath.lastIndexOf('/') + 1))
                    .replace("{{externalPath}}", externalPath);
        }
        TestServer.send(ex, 200, "application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }
}
