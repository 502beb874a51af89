package org.rxradar.fetch.ats;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.FetchConfigs;
import org.rxradar.fetch.ListingClients;
import org.rxradar.model.Json;

/** Replay fixtures under src/test/resources/ats/ and the sources and clients that read them. */
final class Fixtures {
    static final List<String> TECH_SEARCH = List.of("pharmacy technician", "pharmacy tech");

    private Fixtures() {}

    /**
     * Replay servers answer at once: without TCP_NODELAY the JDK server's split header and body
     * writes meet the client's delayed ACK, some 40 ms a request, which hundreds of detail requests feel.
     */
    static void noDelay() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** The fixture's text; IllegalArgumentException when there is none by that name. */
    static String read(String path) {
        String text = text(path);
        if (text == null) throw new IllegalArgumentException("no fixture " + path);
        return text;
    }

    /** The fixture's text, or null when there is none by that name. */
    static String text(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/ats/" + path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String path) {
        try {
            return Json.MAPPER.readTree(read(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RxRadarConfig.Source source(String id, String type, String url, String name, String apiUrl, List<String> search,
                                       String apiKey, String userAgentEmail) {
        return new RxRadarConfig.Source(id, type, null, url, Duration.ofMinutes(5), name, Map.of(), true, apiUrl, search,
                apiKey, userAgentEmail, null, null);
    }

    static ListingClient client(String sourceId) {
        return ListingClients.real(FetchConfigs.small("target/unused"), sourceId, Instant.now());
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null) return out;
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }
}
