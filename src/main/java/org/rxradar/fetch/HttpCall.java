package org.rxradar.fetch;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a request sends besides its URL: a body (then it is a POST) and extra headers, such as an
 * API key. Header names and values are checked here, where they enter: no CR/LF, no restricted names.
 *
 * @param body        the POST body, or null for a GET
 * @param contentType the body's media type (JSON by default)
 * @param headers     extra request headers; the User-Agent header replaces the configured one
 */
public record HttpCall(byte[] body, String contentType, Map<String, String> headers) {
    public static final HttpCall GET = new HttpCall(null, null, Map.of());

    public HttpCall {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = Objects.requireNonNull(h.getKey(), "header name");
            String value = Objects.requireNonNull(h.getValue(), "header " + name);
            if (name.isBlank() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':'))
                throw new IllegalArgumentException("invalid header name '" + name + "'");
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)
                throw new IllegalArgumentException("header " + name + " contains a line break");
            if (name.toLowerCase(Locale.ROOT).equals("host")) throw new IllegalArgumentException("the Host header is set by the client");
        }
        if (body != null && contentType == null) contentType = "application/json";
    }

    /** A JSON POST. */
    public static HttpCall postJson(String json) {
        return new HttpCall(json.getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
    }

    /** A GET with extra headers. */
    public static HttpCall getWith(Map<String, String> headers) {
        return new HttpCall(null, null, headers);
    }

    /** The request line's method, for messages. */
    public String method() {
        return body == null ? "GET" : "POST";
    }
}
