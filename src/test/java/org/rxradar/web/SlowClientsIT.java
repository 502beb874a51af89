package org.rxradar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.digest.SubscriptionLog;
import org.rxradar.web.server.HttpLimits;

/**
 * Slow and abusive clients against the real server (feeds, health and the subscription routes,
 * on a real broker): fifty connections that drip a header a byte a second, send half a request
 * line and go silent, or drip a POST body, must not keep {@code /health/live} from answering
 * within a second; each kind is cut off by its deadline, and one address cannot hold more than its
 * share of connections.
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

    @Test
    void slowHeadsAreClosedAndSlowBodiesAnswered408() throws Exception {
        // short deadlines keep the test short; the defaults are 10 s each
        web = new WebServer(subscriptions, 0, dir.resolve("outbox"), HttpLimits.DEFAULT.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
        try (SlowClients slow = new SlowClients(web.http.port())) {
            SlowClients.Client half = slow.open(SlowClients.Kind.HALF_REQUEST_LINE, 1, 10, false).get(0);
            SlowClients.Client drip = slow.open(SlowClients.Kind.DRIP_HEADER, 1, 11, false).get(0);
            SlowClients.Client body = slow.open(SlowClients.Kind.SLOW_BODY, 1, 12, false).get(0);

            // bounded waits: deadline 2 s, checked every 0.5 s
            assertThat(body.statusLine(6000)).as("slow body").startsWith("HTTP/1.1 408");
            assertThat(half.closedByServer(6000)).as("half a request line, then silence").isTrue();
            assertThat(drip.closedByServer(6000)).as("a header dripped a byte a second").isTrue();
        }
        // a client that is merely slow, within the deadline, is served
        try (Socket s = new Socket("127.0.0.1", web.http.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(700);
            s.getOutputStream().write("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void oneAddressHoldsAtMostItsShareOfConnections() throws Exception {
        web = new WebServer(subscriptions, 0, dir.resolve("outbox"), HttpLimits.DEFAULT.withMaxConnectionsPerClient(4));
        try (SlowClients slow = new SlowClients(web.http.port())) {
            List<SlowClients.Client> greedy = slow.open(SlowClients.Kind.HALF_REQUEST_LINE, 10, 20, true);
            long refused = greedy.stream().filter(c -> c.closedByServer(1000)).count();
            assertThat(refused).as("connections from 127.0.0.20 beyond 4 are closed").isEqualTo(6);
            // another address is served, the greedy one too once it lets go of its connections
            assertThat(probe(web.http.port(), "/health/live", LIVE_WITHIN_MILLIS).statusLine()).startsWith("HTTP/1.1 200");
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
