package org.rxradar.web.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A request as a route sees it (method, raw path, the path's template parameters, the parsed
 * query, headers, body) and the ways to answer it. Every answer goes through {@link #send}: it sets
 * the type and {@code Cache-Control}, and for HEAD the {@code Content-Length} without a body.
 */
public final class Exchange {
    /** Errors are about this request only: no cache may keep them. */
    public static final String NO_STORE = "no-store";
    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String HTML = "text/html; charset=utf-8";
    public static final String JSON = "application/json";

    private final HttpExchange ex;
    private final Map<String, String> params;
    private Query query;

    Exchange(HttpExchange ex, Map<String, String> params) {
        this.ex = ex;
        this.params = params;
    }

    public String method() {
        return ex.getRequestMethod();
    }

    public boolean isHead() {
        return ex.getRequestMethod().equals("HEAD");
    }

    /** The path as sent, percent-encoding kept. */
    public String path() {
        return ex.getRequestURI().getRawPath();
    }

    /** The raw query, null when there is none. */
    public String rawQuery() {
        return ex.getRequestURI().getRawQuery();
    }

    /** A {@code {name}} of the route's template, as sent (percent-encoding kept). */
    public String param(String name) {
        String v = params.get(name);
        if (v == null) throw new IllegalArgumentException("the route's template has no {" + name + "}");
        return v;
    }

    /** The query, parsed on first use. @throws HttpProblem 400 when it does not decode */
    public Query query() {
        if (query == null) query = Query.parse(rawQuery());
        return query;
    }

    /** The first value of a request header, or null. */
    public String header(String name) {
        return ex.getRequestHeaders().getFirst(name);
    }

    /** The connecting address. A forwarding proxy's headers are not trusted: anyone can write them. */
    public String clientAddress() {
        return ex.getRemoteAddress().getAddress().getHostAddress();
    }

    /**
     * The request body, at most {@code max} bytes.
     *
     * @return null when the body is larger than {@code max}
     */
    public byte[] body(int max) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(max + 1);
            return body.length > max ? null : body;
        }
    }

    /** Sets a response header (before the answer is sent). */
    public Exchange header(String name, String value) {
        ex.getResponseHeaders().set(name, value);
        return this;
    }

    /** True once the status line is out. */
    public boolean answered() {
        return ex.getResponseCode() >= 0;
    }

    public int status() {
        return ex.getResponseCode();
    }

    /** Answers with a body (none for HEAD, whose Content-Length still tells its size). */
    public void send(int status, String type, String cacheControl, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", cacheControl);
        if (isHead()) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    public void send(int status, String type, String cacheControl, String body) throws IOException {
        send(status, type, cacheControl, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A status without a body (a 304). */
    public void sendEmpty(int status) throws IOException {
        ex.sendResponseHeaders(status, -1);
    }

    /** A plain-text answer no cache keeps: the form of every error. */
    public void text(int status, String message) throws IOException {
        send(status, TEXT, NO_STORE, message);
    }

    void close() {
        ex.close();
    }
}
