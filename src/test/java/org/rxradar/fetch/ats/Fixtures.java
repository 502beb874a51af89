package org.rxradar.fetch.ats;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.rxradar.model.Json;

/** Replay fixtures under src/test/resources/ats/. */
final class Fixtures {
    private Fixtures() {}

    /**
     * Replay servers answer at once: without TCP_NODELAY the JDK server's split header and body
     * writes meet the client's delayed ACK, some 40 ms a request, which hundreds of detail requests feel.
     */
    static void noDelay() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
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
        String text = text(path);
        if (text == null) throw new IllegalArgumentException("no fixture " + path);
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
