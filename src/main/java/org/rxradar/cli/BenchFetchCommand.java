package org.rxradar.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.FetchGroup;
import org.rxradar.fetch.FetchReport;
import org.rxradar.fetch.FetchStage;
import org.rxradar.fetch.ItemSink;
import org.rxradar.fetch.SourceLog;
import org.rxradar.bus.Bus;
import org.rxradar.bus.KafkaClients;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Serves N feeds of M items from a local HTTP server and runs the fetch stage over them twice:
 * a first pass that publishes everything, and a second where every feed answers 304.
 * By default it runs as the pipeline does: one instance of the fetch group on a real Kafka broker
 * (embedded, in a temporary directory, or the one configured with {@code --bootstrap-servers}),
 * each poll's items and state committed in a transaction; {@code --no-kafka} counts the items only,
 * to measure fetching and parsing alone.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Benchmark the fetch stage against feeds served from a local HTTP server.")
public final class BenchFetchCommand implements Callable<Integer> {

    @Option(names = "--feeds", defaultValue = "1000", description = "number of feeds (default: ${DEFAULT-VALUE})")
    int feeds;

    @Option(names = "--items", defaultValue = "20", description = "items per feed (default: ${DEFAULT-VALUE})")
    int items;

    // Each worker waits for its poll's transaction (items and state, committed with other polls by the
    // writer) before it takes the next source, so workers wait more than they compute: 32 keep two cores busy.
    // Per-host concurrency is raised to the worker count (every bench feed is on one host) and the
    // per-host delay is zero, so politeness does not throttle a benchmark against our own server.
    @Option(names = "--threads", defaultValue = "32", description = "fetch workers (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--no-kafka", description = "count items instead of publishing them to Kafka")
    boolean noKafka;

    @Option(names = "--bootstrap-servers", description = "publish to this broker instead of an embedded one")
    String bootstrapServers;

    @Spec
    CommandSpec spec;

    private final Function<RxRadarConfig, ItemSink> sinkFactory;
    private final AtomicLong counted = new AtomicLong();

    public BenchFetchCommand() {
        this(null);
    }

    /** @param sinkFactory builds the sink from the benchmark's config; null counts items only */
    public BenchFetchCommand(Function<RxRadarConfig, ItemSink> sinkFactory) {
        this.sinkFactory = sinkFactory;
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        // rendered once: the server stands in for remote sites, its own work is not what is measured
        byte[][] bodies = new byte[feeds][];
        for (int i = 0; i < feeds; i++) bodies[i] = feed(Integer.toString(i)).getBytes(StandardCharsets.UTF_8);
        ExecutorService serverPool = Executors.newFixedThreadPool(4);
        BenchFeeds.noDelay();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(serverPool);
        server.createContext("/feed/", ex -> {
            String n = ex.getRequestURI().getPath().substring("/feed/".length());
            String etag = "\"" + n + "\"";
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
            } else {
                byte[] body = bodies[Integer.parseInt(n)];
                ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                ex.getResponseHeaders().set("ETag", etag);
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(body);
                }
            }
            ex.close();
        });
        server.start();
        Path state = Files.createTempDirectory("rxradar-bench-fetch");
        try {
            RxRadarConfig config = config(server.getAddress().getPort(), state);
            if (sinkFactory != null || noKafka) {
                ItemSink sink = sinkFactory == null ? item -> counted.incrementAndGet() : sinkFactory.apply(config);
                runPasses(out, config, sink);
            } else {
                RxRadarConfig.Kafka kafka = new RxRadarConfig.Kafka(bootstrapServers, 3, null,
                        new RxRadarConfig.Embedded(0, 0, state.resolve("kafka").toString()), "rxradar-bench", null);
                try (Bus bus = Bus.open(kafka)) {
                    KafkaClients clients = bus.clients().withInstance("bench");
                    out.println("publishing into Kafka at " + clients.bootstrapServers());
                    SourceLog.loadFromConfig(clients, config.sources());
                    try (FetchGroup group = new FetchGroup(config, clients)) {
                        pass(out, "first pass (200)", group::runOnce);
                        pass(out, "second pass (304)", group::runOnce);
                    }
                }
            }
        } finally {
            server.stop(0);
            serverPool.shutdownNow();
            deleteTree(state);
        }
        return 0;
    }

    private void runPasses(java.io.PrintWriter out, RxRadarConfig config, ItemSink sink) {
        try (FetchStage stage = new FetchStage(config, sink)) {
            pass(out, "first pass (200)", stage::runOnce);
            pass(out, "second pass (304)", stage::runOnce);
        }
    }

    private void pass(java.io.PrintWriter out, String name, java.util.function.Supplier<FetchReport> runOnce) {
        System.gc();
        resetPeaks();
        long cpuBefore = processCpuNanos();
        long jitBefore = jitMillis();
        FetchReport r = runOnce.get();
        double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
        double jitSeconds = (jitMillis() - jitBefore) / 1e3;
        double seconds = r.elapsed().toNanos() / 1e9;
        long peak = peakHeapMb();
        System.gc(); // what stays: G1's peak above counts garbage it had not yet needed to collect
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        out.printf("%s: %d feeds, %d items published in %.2f s = %.0f feeds/s, %.0f items/s; %d failed; peak heap %d MB "
                        + "(%d MB after GC); process CPU %.2f s (%.2f ms/feed, %.0f%% of %d cores), of which JIT compiling %.2f s%n",
                name, r.sources().size(), r.published(), seconds, r.sources().size() / seconds, r.published() / seconds,
                r.failed(), peak, live, cpuSeconds, 1000 * cpuSeconds / Math.max(1, r.sources().size()),
                100 * cpuSeconds / seconds / CORES, CORES, jitSeconds);
        out.flush();
    }

    private RxRadarConfig config(int port, Path state) {
        RxRadarConfig.Fetch fetch = new RxRadarConfig.Fetch(null, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(30), "10MB", 5, threads, threads, Duration.ZERO, 10, state.toString());
        List<RxRadarConfig.Source> sources = new ArrayList<>();
        for (int i = 0; i < feeds; i++) {
            sources.add(new RxRadarConfig.Source("bench-" + i, "rss", "news", "http://127.0.0.1:" + port + "/feed/" + i,
                    Duration.ofMinutes(30), null, Map.of(), true));
        }
        return new RxRadarConfig(null, null, fetch, sources, null, null, null, null);
    }

    private String feed(String n) {
        StringBuilder s = new StringBuilder(4096).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>")
                .append("<title>Feed ").append(n).append("</title><link>http://bench.example/").append(n).append("/</link>");
        for (int i = 0; i < items; i++) {
            s.append("<item><title>Pharmacy technician item ").append(i).append(" of feed ").append(n).append("</title>")
                    .append("<link>http://bench.example/").append(n).append("/item/").append(i).append("</link>")
                    .append("<description>&lt;p&gt;Hospital pharmacy technicians wanted, IV certification a plus.&lt;/p&gt;</description>")
                    .append("<pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate></item>");
        }
        return s.append("</channel></rss>").toString();
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    // CPU used by this process (fetcher, the local HTTP server and, by default, the embedded broker):
    // with the wall time it shows how much of the machine the run got on a shared host
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    // the first pass runs cold: part of its CPU goes to compiling the code it runs
    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum / (1024 * 1024);
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
