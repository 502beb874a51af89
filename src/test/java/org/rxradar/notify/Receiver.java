package org.rxradar.notify;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.rxradar.fetch.TestServer;

/**
 * A notify target for tests: a real HTTP server on 127.0.0.1 and a free port that keeps every
 * request it gets and answers with the scripted statuses in turn (the last one repeats), or hangs.
 */
final class Receiver implements AutoCloseable {
    record Request(String method, String path, Headers headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final TestServer server;
    final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final List<Integer> statuses;
    private final AtomicInteger count = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean hang;
    private volatile String retryAfter;

    private Receiver(List<Integer> statuses) throws IOException {
        this.statuses = new ArrayList<>(statuses);
        this.server = new TestServer().on("/", ex -> {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestHeaders(), body));
            if (hang) {
                try {
                    closing.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            int n = count.getAndIncrement();
            int status = this.statuses.get(Math.min(n, this.statuses.size() - 1));
            if (status == 429 && retryAfter != null) ex.getResponseHeaders().set("Retry-After", retryAfter);
            TestServer.send(ex, status, "text/plain", ("answer " + status).getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Answers these statuses in turn, the last one from then on. */
    static Receiver answering(Integer... statuses) throws IOException {
        return new Receiver(List.of(statuses));
    }

    /** Takes every request and never answers (until closed). */
    static Receiver hanging() throws IOException {
        Receiver r = new Receiver(List.of(200));
        r.hang = true;
        return r;
    }

    Receiver retryAfter(String value) {
        this.retryAfter = value;
        return this;
    }

    String url(String path) {
        return uri(path).toString();
    }

    URI uri(String path) {
        return server.url(path);
    }

    Request next() throws InterruptedException {
        Request r = requests.poll(20, TimeUnit.SECONDS);
        if (r == null) throw new AssertionError("no request reached " + uri("/"));
        return r;
    }

    @Override
    public void close() {
        closing.countDown();
        server.close();
    }
}
