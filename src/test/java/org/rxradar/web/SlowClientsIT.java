package org.rxradar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.digest.SubscriptionLog;

/**
 * Slow and abusive clients against the real server (feeds, health and the subscription routes,
 * on a real broker): fifty connections that drip a header a byte a second, send half a request
 * line and go silent, or drip a POST body, must not keep {@code /health/live} from answering
 * within a second.
 */
class SlowClientsIT {
    /** The bound the issue states for {@code /health/live} while slow clients are connected. */
    static final int LIVE_WITHIN_MILLIS = 1000;

    @TempDir
    static Path dir;
    static Bus bus;
    static SubscriptionLog subscriptions;
    WebServer web;

    @BeforeAll
    static void broker() {
        bus = WebServer.openBus(dir);
        subscriptions = new SubscriptionLog(bus.clients());
    }

    @AfterAll
    static void stopBroker() {
        subscriptions.close();
        bus.close();
    }

    @AfterEach
    void stop() {
        if (web != null) web.close();
    }

    @Test
    void liveAnswersWithinOneSecondWhileFiftySlowClientsAreConnected() throws Exception {
        web = new WebServer(subscriptions, 0, dir.resolve("outbox"));
        try (SlowClients slow = new SlowClients(web.http.port())) {
            slow.open(SlowClients.Kind.DRIP_HEADER, 17, 10, false);
            slow.open(SlowClients.Kind.HALF_REQUEST_LINE, 17, 30, false);
            slow.open(SlowClients.Kind.SLOW_BODY, 16, 50, false);
            Thread.sleep(1500); // every slow client has been served a byte or two by now

            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Probe p = probe(web.http.port(), "/health/live", LIVE_WITHIN_MILLIS);
                assertThat(p.statusLine()).as("probe %d answered within %d ms", i, LIVE_WITHIN_MILLIS).startsWith("HTTP/1.1 200");
                latencies.add(p.millis());
                Thread.sleep(300);
            }
            assertThat(probe(web.http.port(), "/feeds/jobs.atom", LIVE_WITHIN_MILLIS).statusLine()).startsWith("HTTP/1.1 200");
            System.out.printf("SlowClientsIT: /health/live with 50 slow clients, ms: max %d, all %s%n",
                    latencies.stream().mapToLong(Long::longValue).max().orElse(-1), latencies);
        }
    }

    record Probe(String statusLine, long millis) {}

    /** One request on a fresh connection from 127.0.0.1, timed from connect to the status line; null status line on timeout. */
    static Probe probe(int port, String path, int timeoutMillis) throws IOException {
        long start = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') line.append((char) c);
            return new Probe(line.toString().trim(), (System.nanoTime() - start) / 1_000_000);
        } catch (java.net.SocketTimeoutException e) {
            return new Probe(null, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
