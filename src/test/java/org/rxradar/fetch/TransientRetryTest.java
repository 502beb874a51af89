package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A GET whose connection is reset or closed without an answer is tried once more; a POST never. */
class TransientRetryTest {
    private final HttpFetcher fetcher = new HttpFetcher(FetchConfigs.small("target/unused"));
    private RawServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) server.close();
    }

    // The JDK client itself sends a GET again on a connection closed (or reset) before any byte of an
    // answer; so each server below first fails as many connections as one attempt of the client alone
    // makes (counted with the retry off), and only the fetcher's own retry gets the answer.

    @Test
    void anEmptyResponseIsRetriedOnceAndTheAnswerKept() throws Exception {
        int oneAttempt = connectionsOfOneAttempt(Mode.EMPTY);
        server = new RawServer(oneAttempt, Mode.EMPTY);
        FetchResponse r = fetcher.fetch(server.url(), Validators.NONE);
        assertThat(r.outcome()).isEqualTo(FetchResponse.Outcome.OK);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(server.connections.get()).isEqualTo(oneAttempt + 1);
    }

    @Test
    void aResetConnectionIsRetriedOnce() throws Exception {
        int oneAttempt = connectionsOfOneAttempt(Mode.RESET);
        server = new RawServer(oneAttempt, Mode.RESET);
        assertThat(fetcher.fetch(server.url(), Validators.NONE).outcome()).isEqualTo(FetchResponse.Outcome.OK);
        assertThat(server.connections.get()).isEqualTo(oneAttempt + 1);
    }

    @Test
    void aServerThatResetsEveryConnectionFailsAfterOneRetry() throws Exception {
        int oneAttempt = connectionsOfOneAttempt(Mode.RESET);
        server = new RawServer(Integer.MAX_VALUE, Mode.RESET);
        assertThatThrownBy(() -> fetcher.fetch(server.url(), Validators.NONE))
                .isInstanceOf(FetchException.class).hasMessageContaining("on a retry too");
        assertThat(server.connections.get()).isEqualTo(2 * oneAttempt);
    }

    @Test
    void aPostIsNotRepeated() throws Exception {
        server = new RawServer(1, Mode.EMPTY);
        assertThatThrownBy(() -> fetcher.fetch(server.url(), Validators.NONE, null, HttpCall.postJson("{}")))
                .isInstanceOf(FetchException.class).message().doesNotContain("retry");
        assertThat(server.connections.get()).isEqualTo(1);
    }

    @Test
    void aBodyCutShortIsRetriedOnce() throws Exception {
        server = new RawServer(1, Mode.CUT);
        FetchResponse r = fetcher.fetch(server.url(), Validators.NONE);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(server.connections.get()).isEqualTo(2);
    }

    /** Connections the JDK client alone makes for a GET to a server that never answers. */
    private static int connectionsOfOneAttempt(Mode mode) throws Exception {
        HttpFetcher withoutRetry = new HttpFetcher(FetchConfigs.small("target/unused"), false);
        try (RawServer never = new RawServer(Integer.MAX_VALUE, mode)) {
            assertThatThrownBy(() -> withoutRetry.fetch(never.url(), Validators.NONE))
                    .isInstanceOf(FetchException.class);
            return never.connections.get();
        }
    }

    @Test
    void timeoutsAndRefusalsAreNotTransient() {
        assertThat(TransientFailures.isTransient(new HttpTimeoutException("request timed out"))).isFalse();
        assertThat(TransientFailures.isTransient(new java.net.ConnectException("Connection refused"))).isFalse();
        assertThat(TransientFailures.isTransient(new IOException("wrapped", new java.io.EOFException("EOF reached while reading")))).isTrue();
        assertThat(TransientFailures.isTransient(new java.net.SocketException("Connection reset"))).isTrue();
    }

    enum Mode { EMPTY, RESET, CUT }

    /** Reads each request; the first {@code failures} connections fail as {@code mode} says, later ones are answered. */
    private static final class RawServer implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        private final ServerSocket socket;
        private final Thread thread;

        RawServer(int failures, Mode mode) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        int n = connections.incrementAndGet();
                        readRequestHead(s);
                        if (n <= failures) {
                            if (mode == Mode.RESET) s.setSoLinger(true, 0); // close sends RST
                            if (mode == Mode.CUT) s.getOutputStream().write(
                                    "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhe".getBytes(StandardCharsets.US_ASCII));
                            continue;
                        }
                        OutputStream out = s.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException e) {
                        // closed by the test, or the client went away
                    }
                }
            }, "raw-server");
            thread.setDaemon(true);
            thread.start();
        }

        URI url() {
            InetSocketAddress a = (InetSocketAddress) socket.getLocalSocketAddress();
            return URI.create("http://127.0.0.1:" + a.getPort() + "/feed");
        }

        private static void readRequestHead(Socket s) throws IOException {
            s.setSoTimeout(2_000);
            InputStream in = s.getInputStream();
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            try {
                for (int b; matched < 4 && (b = in.read()) >= 0; ) matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            } catch (SocketTimeoutException e) {
                // a request without a blank line: close anyway
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
