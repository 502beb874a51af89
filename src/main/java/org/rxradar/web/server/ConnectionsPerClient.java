package org.rxradar.web.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the connections one client address holds open at once: a connection over the cap is
 * closed as soon as it opens, before it costs a buffer. Jetty's own limits
 * ({@code NetworkConnectionLimit}, {@code AcceptRateLimit}) count every client together, which
 * lets one address take all the slots; this counts per address.
 */
final class ConnectionsPerClient implements Connection.Listener {
    private static final Logger log = LoggerFactory.getLogger(ConnectionsPerClient.class);

    private final int max;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    ConnectionsPerClient(int max) {
        this.max = max;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress client = address(connection);
        if (client == null) return;
        int count = open.merge(client, 1, Integer::sum);
        if (count > max) {
            long n = refused.incrementAndGet();
            // one line per 100 refusals: an attacker must not be able to fill the log either
            if (n % 100 == 1) log.warn("Refusing connections from {}: it holds more than {} open ({} refused so far)", client.getHostAddress(), max, n);
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress client = address(connection);
        if (client != null) open.computeIfPresent(client, (a, n) -> n <= 1 ? null : n - 1);
    }

    /** Connections refused since start. */
    long refused() {
        return refused.get();
    }

    private static InetAddress address(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
