package org.rxradar.fetch.ats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.rxradar.fetch.TestServer;
import org.rxradar.model.Json;

/**
 * SmartRecruiters' Posting API on a local server, replaying the fixtures under ats/smartrecruiters/:
 * the list answers pages of {@link #postings}, at most 20 whatever the limit asked (its answer says
 * so), with refs pointing back at this server; a detail answers the listing entry plus
 * posting-&lt;id&gt;.json or the template. Records what it was asked.
 */
final class SmartRecruitersSite implements AutoCloseable {
    static final String API = "/v1/companies/BrightLeafHealth/postings";
    static final String PUBLIC = "https://jobs.smartrecruiters.com/BrightLeafHealth";
    static final int SERVER_LIMIT = 20;

    final TestServer server;
    final List<JsonNode> postings = new CopyOnWriteArrayList<>();
    /** The query parameters of every list request. */
    final List<Map<String, String>> queries = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> detailRequests = new ConcurrentHashMap<>();
    /** List answers replaced by offset: [status, body]. */
    final Map<Integer, Object[]> pageAnswers = new ConcurrentHashMap<>();
    final Map<String, Integer> detailStatus = new ConcurrentHashMap<>();

    SmartRecruitersSite() throws IOException {
        this("smartrecruiters/postings.json");
    }

    SmartRecruitersSite(String listing) throws IOException {
        Fixtures.noDelay();
        server = new TestServer().on(API, this::handle);
        String local = server.url(API).toString();
        Fixtures.json(listing).path("content").forEach(p -> {
            ObjectNode copy = p.deepCopy();
            copy.put("ref", p.path("ref").asText().replace("https://api.smartrecruiters.com" + API, local));
            postings.add(copy);
        });
    }

    String apiUrl() {
        return server.url(API).toString();
    }

    int details() {
        return detailRequests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void handle(HttpExchange ex) throws IOException {
        String rest = ex.getRequestURI().getRawPath().substring(API.length());
        if (rest.isEmpty() || rest.equals("/")) list(ex);
        else detail(ex, rest.substring(1));
    }

    private void list(HttpExchange ex) throws IOException {
        Map<String, String> query = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        queries.add(query);
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        int limit = Math.min(SERVER_LIMIT, Integer.parseInt(query.getOrDefault("limit", "10")));
        Object[] replaced = pageAnswers.get(offset);
        if (replaced != null) {
            TestServer.send(ex, (Integer) replaced[0], "application/json", ((String) replaced[1]).getBytes(StandardCharsets.UTF_8));
            return;
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("offset", offset).put("limit", limit).put("totalFound", postings.size());
        ArrayNode content = answer.putArray("content");
        List<JsonNode> all = new ArrayList<>(postings);
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) content.add(all.get(i));
        TestServer.send(ex, 200, "application/json", Json.MAPPER.writeValueAsBytes(answer));
    }

    private void detail(HttpExchange ex, String id) throws IOException {
        detailRequests.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        Integer status = detailStatus.get(id);
        JsonNode listed = postings.stream().filter(p -> p.path("id").asText().equals(id)).findFirst().orElse(null);
        if (status == null && listed == null) status = 404;
        if (status != null) {
            TestServer.send(ex, status, "application/json",
                    "{\"code\":\"NOT_FOUND\",\"message\":\"Posting not found\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String text = Fixtures.text("smartrecruiters/posting-" + id + ".json");
        if (text == null) {
            String name = listed.path("name").asText();
            text = Fixtures.text("smartrecruiters/posting-template.json").replace("{{id}}", id).replace("{{name}}", name)
                    .replace("{{slug}}", name.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
        }
        ObjectNode answer = listed.deepCopy();
        answer.remove("ref");
        answer.setAll((ObjectNode) Json.MAPPER.readTree(text));
        TestServer.send(ex, 200, "application/json", Json.MAPPER.writeValueAsBytes(answer));
    }

    @Override
    public void close() {
        server.close();
    }
}
