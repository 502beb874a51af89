package org.rxradar.web.server;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client may cost the HTTP server. A slow or abusive client is cut off by these bounds
 * instead of holding a worker: nothing waits on a client's bytes with a thread.
 *
 * @param idleTimeout             a connection silent this long is closed (also between keep-alive requests)
 * @param headerTimeout           a request line and headers must be complete this long after their first byte
 * @param bodyTimeout             a request body must be complete this long after its headers
 * @param maxHeaderBytes          request line plus headers; more is answered 431
 * @param maxBodyBytes            request body; more is answered 413
 * @param maxConnectionsPerClient open connections from one address; more are closed as they are accepted
 * @param maxThreads              workers running routes (the handlers only read memory or hand work to Kafka)
 */
public record HttpLimits(Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout, int maxHeaderBytes,
                         int maxBodyBytes, int maxConnectionsPerClient, int maxThreads) {
    /**
     * The server's defaults: a browser opens about 6 connections per site and a feed reader one
     * or two, so 32 per address leaves room for a few people behind one NAT address; a reverse
     * proxy in front should do its own per-client limiting (its connections all come from one address).
     */
    public static final HttpLimits DEFAULT = new HttpLimits(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(10),
            8 * 1024, 64 * 1024, 32, 64);

    public HttpLimits {
        positive(idleTimeout, "idleTimeout");
        positive(headerTimeout, "headerTimeout");
        positive(bodyTimeout, "bodyTimeout");
        if (maxHeaderBytes < 1024) throw new IllegalArgumentException("maxHeaderBytes must be at least 1024: " + maxHeaderBytes);
        if (maxBodyBytes < 0) throw new IllegalArgumentException("maxBodyBytes must not be negative: " + maxBodyBytes);
        if (maxConnectionsPerClient < 1) throw new IllegalArgumentException("maxConnectionsPerClient must be at least 1: " + maxConnectionsPerClient);
        if (maxThreads < 8) throw new IllegalArgumentException("maxThreads must be at least 8 (Jetty's selector and acceptor take some): " + maxThreads);
    }

    public HttpLimits withTimeouts(Duration header, Duration body) {
        return new HttpLimits(idleTimeout, header, body, maxHeaderBytes, maxBodyBytes, maxConnectionsPerClient, maxThreads);
    }

    public HttpLimits withMaxConnectionsPerClient(int max) {
        return new HttpLimits(idleTimeout, headerTimeout, bodyTimeout, maxHeaderBytes, maxBodyBytes, max, maxThreads);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive: " + d);
    }
}
