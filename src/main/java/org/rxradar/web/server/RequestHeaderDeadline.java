package org.rxradar.web.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections whose request line and headers are still incomplete {@code timeout} after
 * their first byte. Jetty parses headers without a thread, so a client dripping a byte a second
 * costs no worker, but its idle timeout never fires and it would keep its socket for as long as
 * the header-size limit allows (hours at one byte a second). Checked twice a second from one
 * thread, from the parser's state: Jetty 12's core server has no header deadline of its own.
 */
final class RequestHeaderDeadline extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(RequestHeaderDeadline.class);
    private static final long SWEEP_MILLIS = 500;

    /** When a connection was first seen inside a request head, and which request of the connection that was. */
    private record Started(long requests, long nanos) {}

    private final ServerConnector connector;
    private final long timeoutNanos;
    private final Map<Connection, Started> partial = new ConcurrentHashMap<>();
    private ScheduledExecutorService sweeper;

    RequestHeaderDeadline(ServerConnector connector, Duration timeout) {
        this.connector = connector;
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    protected void doStart() {
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "http-header-deadline");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        sweeper.shutdownNow();
        partial.clear();
    }

    void sweep() {
        try {
            long now = System.nanoTime();
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                if (!(endPoint.getConnection() instanceof HttpConnection http)) continue;
                HttpParser parser = http.getParser();
                // START: waiting for the next request (the idle timeout's job); CONTENT and later: the head is in
                boolean inHead = !parser.isStart() && parser.inHeaderState();
                if (!inHead) {
                    partial.remove(http);
                    continue;
                }
                long requests = http.getMessagesIn();
                Started since = partial.compute(http, (c, s) -> s != null && s.requests() == requests ? s : new Started(requests, now));
                if (now - since.nanos() > timeoutNanos) {
                    log.debug("Closing {}: request head incomplete after {} ms", endPoint.getRemoteSocketAddress(), timeoutNanos / 1_000_000);
                    partial.remove(http);
                    endPoint.close();
                }
            }
            partial.keySet().removeIf(c -> !c.getEndPoint().isOpen());
        } catch (RuntimeException e) {
            log.warn("Header deadline check failed: {}", e.toString()); // the next sweep tries again
        }
    }
}
