package org.rxradar.web.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request to Jetty, seen through the JDK's {@link HttpExchange}, so the routes stay written
 * against that small API. It keeps the JDK server's contract: {@link #getRequestURI()} is the
 * request target as sent (path and query, not absolute), {@link #getResponseCode()} is -1 until
 * {@link #sendResponseHeaders} is called, a length of -1 means no body and 0 a body of any length.
 * The request body has already been read in full, without a thread (see {@link NioHttpServer}).
 *
 * <p>Unlike the JDK server, an exchange closed without an answer is not left as an empty reply:
 * {@link #finish} answers 500.
 */
final class JettyExchange extends HttpExchange {
    private final Request request;
    private final Response response;
    private final URI uri;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private final OutputStream sink;
    private InputStream in;
    private OutputStream out;
    private int status = -1;
    private boolean noBody;
    private boolean bodyClosed;

    JettyExchange(Request request, Response response, URI uri, byte[] body) {
        this.request = request;
        this.response = response;
        this.uri = uri;
        for (HttpField f : request.getHeaders()) requestHeaders.add(f.getName(), f.getValue() == null ? "" : f.getValue());
        this.in = new ByteArrayInputStream(body);
        this.sink = Content.Sink.asOutputStream(response);
        this.out = new Body();
    }

    boolean answered() {
        return status >= 0;
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return request.getMethod();
    }

    @Override
    public HttpContext getHttpContext() {
        throw new UnsupportedOperationException("routes are dispatched by path prefix; there is no HttpContext");
    }

    @Override
    public void close() {
        try {
            in.close();
            if (answered()) out.close();
        } catch (IOException e) {
            // the client went away; finish() fails the exchange
        }
    }

    @Override
    public InputStream getRequestBody() {
        return in;
    }

    @Override
    public OutputStream getResponseBody() {
        return out;
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (answered()) throw new IOException("response headers already sent");
        if (code < 100 || code > 999) throw new IllegalArgumentException("bad status code " + code);
        status = code;
        HttpFields.Mutable h = response.getHeaders();
        for (Map.Entry<String, List<String>> e : responseHeaders.entrySet()) {
            for (String v : e.getValue()) h.add(e.getKey(), v);
        }
        boolean head = "HEAD".equals(request.getMethod());
        noBody = length < 0 || head || code == 204 || code == 304 || code < 200;
        // a HEAD answer keeps the Content-Length its route set; otherwise Jetty counts what is written
        if (length > 0 && !noBody) h.put(HttpHeader.CONTENT_LENGTH, length);
        response.setStatus(code);
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return inet(request.getConnectionMetaData().getRemoteSocketAddress());
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return inet(request.getConnectionMetaData().getLocalSocketAddress());
    }

    @Override
    public String getProtocol() {
        return request.getConnectionMetaData().getProtocol();
    }

    @Override
    public Object getAttribute(String name) {
        return request.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) request.removeAttribute(name);
        else request.setAttribute(name, value);
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
        if (i != null) in = i;
        if (o != null) out = o;
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    /**
     * Completes the response once the route has returned: a route that never answered gets a
     * plain 500, a body left open is closed. Then Jetty may read the next request.
     */
    void finish(Callback callback) {
        try {
            if (!answered()) {
                byte[] text = "500 Internal Server Error; the server log has the details\n".getBytes(StandardCharsets.UTF_8);
                responseHeaders.clear();
                responseHeaders.set("Content-Type", "text/plain; charset=utf-8");
                responseHeaders.set("Cache-Control", "no-store");
                sendResponseHeaders(500, text.length);
                out.write(text);
            }
            out.close();
            callback.succeeded();
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
        }
    }

    private static InetSocketAddress inet(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i : null;
    }

    /** The response body: only after the headers, nothing when the status or method has none. */
    private final class Body extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!answered()) throw new IOException("send the response headers before the body");
            if (bodyClosed) throw new IOException("response body already closed");
            if (len == 0) return;
            if (noBody) throw new IOException("this response has no body (status " + status + ", " + request.getMethod() + ")");
            sink.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (answered() && !bodyClosed && !noBody) sink.flush();
        }

        @Override
        public void close() throws IOException {
            if (bodyClosed || !answered()) return;
            bodyClosed = true;
            sink.close();
        }
    }
}
