package org.rxradar.bench;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.feeds.FeedFormat;
import org.rxradar.view.ViewQuery;
import org.rxradar.view.ViewResult;
import org.rxradar.view.FeedView;
import org.rxradar.feeds.FeedWriter;
import org.rxradar.ops.HealthCheck;
import org.rxradar.web.server.HttpApi;
import org.rxradar.model.Certification;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;
import org.rxradar.model.TaggedItem;
import org.rxradar.model.Taxonomy;

/**
 * Loopback benchmark of the feed server: a view of 50,000 tagged items, a 50-entry feed fetched
 * over keep-alive connections, as a full answer and as a 304. The client is a bare HTTP/1.1
 * socket loop so that it costs the shared CPU as little as possible. Bounded: a fixed number of
 * requests per scenario, 127.0.0.1 only.
 *
 * <p>Run: {@code ./mvnw -B -q test-compile &&
 * java -cp target/classes:target/test-classes:$(cat target/test.cp) org.rxradar.bench.FeedServeBenchmark
 * [items=50000] [requests=20000] [connections=4]}
 */
public final class FeedServeBenchmark {
    /** Passed instead of an ETag: ask for the gzip representation. */
    private static final String GZIP = "gzip";

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("ROOT")).setLevel(ch.qos.logback.classic.Level.WARN);

        FeedView view = new FeedView(Duration.ofDays(14), 100_000, Clock.systemUTC());
        fill(view, items);
        System.out.printf(Locale.ROOT, "view: %,d items%n", view.size());
        coldPath(view);

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (HttpApi api = new HttpApi(new RxRadarConfig.Http(0, "127.0.0.1", ""), view, HealthCheck.alwaysReady(), registry)) {
            api.start();
            String path = "/feeds/settings/hospital.atom";
            Response probe = new Client(api.port()).get(path, null);
            System.out.printf(Locale.ROOT, "feed %s: %,d bytes, ETag %s%n", path, probe.bodyLength, probe.etag);
            run("warm-up", api.port(), path, null, Math.min(requests, 5_000), connections);
            run("200 full feed", api.port(), path, null, requests, connections);
            run("200 gzip", api.port(), path, GZIP, requests, connections);
            run("304 If-None-Match", api.port(), path, probe.etag, requests, connections);
            // new items arriving every 5 ms: most answers must query and render afresh
            Thread churn = new Thread(() -> {
                Instant t = Instant.now();
                for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                    view.put(hospitalLead("churn-" + i, t.plusMillis(i)));
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            churn.start();
            run("200 under churn", api.port(), path, null, requests / 4, connections);
            churn.interrupt();
            churn.join();
        }
    }

    /** Query and render without HTTP or cache: what a request costs right after the view changed. */
    private static void coldPath(FeedView view) {
        FeedWriter writer = new FeedWriter("http://localhost");
        ViewQuery q = ViewQuery.all().withSettings(List.of("hospital"));
        ViewQuery filtered = ViewQuery.all().withSettings(List.of("clinic", "retail")).withStates(List.of("TX")).withKind(Kind.JOB);
        for (int i = 0; i < 300; i++) writer.write(FeedFormat.ATOM, "t", "d", "/f", Instant.now(), view.query(q).items());
        int n = 1_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) view.query(i % 2 == 0 ? q : filtered);
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            ViewResult r = view.query(q);
            writer.write(FeedFormat.ATOM, "t", "d", "/f", r.lastModified(), r.items());
        }
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "in-process: query %.1f µs, query + Atom render of 50 entries %.0f µs%n",
                (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n);
    }

    private static void run(String name, int port, String path, String etag, int requests, int connections) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Callable<long[]>> jobs = new ArrayList<>();
        int each = requests / connections;
        for (int c = 0; c < connections; c++) {
            jobs.add(() -> {
                Client client = new Client(port);
                long bytes = 0;
                int status = 0;
                for (int i = 0; i < each; i++) {
                    Response r = client.get(path, etag);
                    bytes += r.bodyLength;
                    status = r.status;
                }
                client.close();
                return new long[] {bytes, status};
            });
        }
        long start = System.nanoTime();
        List<Future<long[]>> results = pool.invokeAll(jobs);
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        long bytes = 0;
        long status = 0;
        for (Future<long[]> f : results) {
            bytes += f.get()[0];
            status = f.get()[1];
        }
        double seconds = elapsed / 1e9;
        int total = each * connections;
        System.out.printf(Locale.ROOT, "%-20s %,7d requests on %d connections in %.2f s: %,8.0f req/s, %.1f MB/s, last status %d%n",
                name, total, connections, seconds, total / seconds, bytes / seconds / 1e6, status);
    }

    private static void fill(FeedView view, int n) {
        Random rnd = new Random(7);
        Instant now = Instant.now();
        String[] states = {"TX", "CA", "NY", "FL", "OH", "PA", "IL", "WA"};
        for (int i = 0; i < n; i++) {
            List<String> settings = List.of(Taxonomy.SETTINGS.get(rnd.nextInt(Taxonomy.SETTINGS.size())));
            List<String> topics = rnd.nextInt(3) == 0 ? List.of(Taxonomy.TOPICS.get(rnd.nextInt(Taxonomy.TOPICS.size()))) : List.of();
            Instant published = now.minusSeconds(rnd.nextInt(13 * 24 * 3600));
            boolean job = rnd.nextInt(4) != 0;
            String state = states[rnd.nextInt(states.length)];
            view.put(new TaggedItem(1, "item-" + i, job ? Kind.JOB : Kind.NEWS, "source-" + (i % 40),
                    "https://example.com/items/" + i, "Certified Pharmacy Technician " + i,
                    "Prepare and dispense medications, manage inventory and assist pharmacists with patient care. Item " + i,
                    published, false, published, null, job ? "Employer " + (i % 500) : null,
                    job ? new Place("Springfield, " + state, "Springfield", state, false) : null, settings, topics, null, null,
                    true, job ? new Salary(17.0 + rnd.nextInt(8), 24.0 + rnd.nextInt(8), Salary.Unit.HOUR, "USD") : null,
                    job ? List.of(new Certification("PTCB-CPhT", rnd.nextBoolean())) : null,
                    job ? "FULL_TIME" : null, null, null, published.plusSeconds(30)));
        }
    }

    private static TaggedItem hospitalLead(String id, Instant published) {
        return new TaggedItem(1, id, Kind.JOB, "source", "https://example.com/" + id, "IV Technician " + id, "Sterile compounding.",
                published, false, published, null, "General Hospital", new Place("Austin, TX", "Austin", "TX", false),
                List.of("hospital"), List.of("compounding"), null, null, true, new Salary(20.0, 25.0, Salary.Unit.HOUR, "USD"),
                null, null, null, null, published);
    }

    private record Response(int status, long bodyLength, String etag) {}

    /** A minimal keep-alive HTTP/1.1 client: enough for Content-Length answers from our own server. */
    private static final class Client implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] skip = new byte[64 * 1024];

        Client(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        Response get(String path, String etag) throws IOException {
            String extra = etag == null ? "" : etag.equals(GZIP) ? "Accept-Encoding: gzip\r\n" : "If-None-Match: " + etag + "\r\n";
            String req = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
            out.write(req.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = 0;
            String tag = null;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                if (name.equals("content-length")) length = Long.parseLong(value);
                if (name.equals("etag")) tag = value;
            }
            long left = length;
            while (left > 0) {
                int n = in.read(skip, 0, (int) Math.min(skip.length, left));
                if (n < 0) throw new IOException("connection closed mid-body");
                left -= n;
            }
            return new Response(status, length, tag);
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) throw new IOException("connection closed");
                if (c != '\r') sb.append((char) c);
            }
            return sb.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
