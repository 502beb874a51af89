package org.rxradar.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The whole {@code run --once} as a user runs it: N generated feeds of M items on a local HTTP
 * server, {@code rxradar run --once} in a child JVM of its own (so the memory measured is that
 * process's, embedded broker included), its wall time and peak resident set size (VmHWM), and the
 * items it published and tagged. When {@code newsboat} is installed, {@code newsboat -x reload}
 * (8 reload threads) over the same URLs is measured the same way, for comparison.
 */
@Command(name = "once", mixinStandardHelpOptions = true,
        description = "Benchmark a whole 'run --once' (child process, embedded broker) against local feeds, next to newsboat if installed.")
public final class BenchOnceCommand implements Callable<Integer> {
    /** The JVM flags of the launcher, the Dockerfile and the README: the memory this benchmark checks. */
    public static final String DEFAULT_JVM_OPTS = "-Xmx256m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m "
            + "-XX:ReservedCodeCacheSize=40m -XX:MaxDirectMemorySize=64m -XX:TieredStopAtLevel=1";

    @Option(names = "--feeds", defaultValue = "1000", description = "number of feeds (default: ${DEFAULT-VALUE})")
    int feeds;

    @Option(names = "--items", defaultValue = "20", description = "items per feed (default: ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--jvm-opts", description = "JVM flags of the measured process (default: the recommended ones, "
            + DEFAULT_JVM_OPTS + ")")
    String jvmOpts = DEFAULT_JVM_OPTS;

    @Option(names = "--no-floor", description = "do not measure the run with no sources (the fixed cost of a run)")
    boolean noFloor;

    @Option(names = "--no-newsboat", description = "do not run newsboat even when it is installed")
    boolean noNewsboat;

    @Option(names = "--log", description = "write the measured run's output (its log) to this file")
    Path logFile;

    @Option(names = "--cds", paramLabel = "FILE", description = "start the measured JVM from this class-data archive (AppCDS); "
            + "when FILE does not exist, a first run, not measured, writes it")
    Path cds;

    @Spec
    CommandSpec spec;

    /** What one measured process did. */
    record Run(int exit, double seconds, long peakRssKb, List<String> stdout, List<String> stderr) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        byte[][] bodies = new byte[feeds][];
        long total = 0;
        for (int i = 0; i < feeds; i++) {
            bodies[i] = BenchFeeds.rss(i, items).getBytes(StandardCharsets.UTF_8);
            total += bodies[i].length;
        }
        ExecutorService serverPool = Executors.newFixedThreadPool(4);
        BenchFeeds.noDelay();
        HttpServer server = HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(serverPool);
        server.createContext("/feed/", ex -> {
            byte[] body = bodies[Integer.parseInt(ex.getRequestURI().getPath().substring("/feed/".length()))];
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
            ex.close();
        });
        server.start();
        Path dir = Files.createTempDirectory("rxradar-bench-once");
        int status = 0;
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed/";
            out.printf(Locale.ROOT, "%,d feeds x %d items (%.1f MB) served at %s; %d cores, load average %.2f%n", feeds, items,
                    total / 1e6, base, Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            out.flush();
            Path config = dir.resolve("rxradar.yml");
            Files.writeString(config, config(base, dir, feeds));
            List<String> runOnce = List.of("-cp", absoluteClassPath(), Main.class.getName(), "run", "--once", "--config", config.toString());
            if (cds != null && !Files.exists(cds)) {
                Run first = measure(command(jvmOpts, "-XX:ArchiveClassesAtExit=" + cds.toAbsolutePath(), runOnce), dir);
                // the measured run starts from nothing too: an empty broker, no fetch state, no digests
                for (String d : List.of("kafka", "fetch", "digest", "outbox")) deleteTree(dir.resolve(d));
                out.printf(Locale.ROOT, "class-data archive %s written by a first run (%.1f s, exit %d, not measured)%n", cds, first.seconds(),
                        first.exit());
                out.flush();
            }
            Run rx = measure(command(jvmOpts, cds == null ? null : "-XX:SharedArchiveFile=" + cds.toAbsolutePath(), runOnce), dir);
            if (logFile != null) {
                List<String> all = new ArrayList<>(rx.stderr());
                all.addAll(rx.stdout());
                Files.write(logFile, all);
            }
            Counts c = Counts.of(rx.stdout());
            boolean complete = rx.exit() == 0 && c.published() == (long) feeds * items && c.tagged() == c.published();
            out.printf(Locale.ROOT, "rxradar run --once: %.1f s, peak RSS %,d MB; published %,d, tagged %,d of %,d expected%s%n",
                    rx.seconds(), rx.peakRssKb() / 1024, c.published(), c.tagged(), (long) feeds * items,
                    complete ? "" : " — INCOMPLETE (exit " + rx.exit() + ")");
            if (!complete) {
                status = 1;
                rx.stderr().stream().skip(Math.max(0, rx.stderr().size() - 20)).forEach(l -> out.println("  " + l));
            }
            out.flush();
            // the fixed cost: the same process with nothing to fetch (JVM, broker, topics, groups, views, close)
            Run floor = null;
            if (complete && !noFloor) {
                Path empty = dir.resolve("floor");
                Files.createDirectories(empty);
                Path emptyConfig = empty.resolve("rxradar.yml");
                Files.writeString(emptyConfig, config(base, empty, 0));
                floor = measure(command(jvmOpts, cds == null ? null : "-XX:SharedArchiveFile=" + cds.toAbsolutePath(),
                        List.of("-cp", absoluteClassPath(), Main.class.getName(), "run", "--once", "--config", emptyConfig.toString())), empty);
                out.printf(Locale.ROOT, "rxradar run --once with no sources (JVM, broker, topics, groups, views, close: the floor): %.1f s, peak RSS %,d MB%s%n",
                        floor.seconds(), floor.peakRssKb() / 1024, floor.exit() == 0 ? "" : " (exit " + floor.exit() + ")");
                out.flush();
            }
            String newsboat = noNewsboat || !complete ? null : onPath("newsboat");
            if (newsboat == null) {
                if (!noNewsboat && complete) out.println("newsboat: not installed (apt-get install newsboat), no comparison");
            } else {
                Path nb = dir.resolve("newsboat");
                Files.createDirectories(nb);
                StringBuilder urls = new StringBuilder();
                for (int i = 0; i < feeds; i++) urls.append(base).append(i).append('\n');
                Files.writeString(nb.resolve("urls"), urls);
                Files.writeString(nb.resolve("config"), "reload-threads 8\n");
                Run n = measure(List.of(newsboat, "-x", "reload", "-u", nb.resolve("urls").toString(), "-c", nb.resolve("cache.db").toString(),
                        "-C", nb.resolve("config").toString()), nb);
                out.printf(Locale.ROOT, "newsboat -x reload (reload-threads 8): %.1f s, peak RSS %,d MB%s%n", n.seconds(), n.peakRssKb() / 1024,
                        n.exit() == 0 ? "" : " (exit " + n.exit() + ")");
                out.printf(Locale.ROOT, "rxradar / newsboat: wall time %.2fx (goal <= 0.6x), peak RSS %,d MB (goal <= 512 MB)%n",
                        rx.seconds() / n.seconds(), rx.peakRssKb() / 1024);
                if (floor != null) {
                    out.printf(Locale.ROOT, "the floor alone is %.2fx newsboat's time: the goal leaves %.1f s for fetching, parsing and tagging%n",
                            floor.seconds() / n.seconds(), 0.6 * n.seconds() - floor.seconds());
                }
            }
        } finally {
            server.stop(0);
            serverPool.shutdownNow();
            deleteTree(dir);
        }
        return status;
    }

    /** java, the JVM flags (plus the class-data flag, when one), then the program's arguments. */
    static List<String> command(String jvmOpts, String cdsFlag, List<String> program) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(List.of(jvmOpts.trim().split("\\s+")));
        if (cdsFlag != null) command.add(cdsFlag);
        command.addAll(program);
        return command;
    }

    static String config(String base, Path dir, int feeds) {
        StringBuilder y = new StringBuilder()
                .append("kafka:\n  embedded: { port: 0, controller-port: 0, data-dir: ").append(dir.resolve("kafka")).append(" }\n")
                .append("http:\n  port: 0\n")
                .append("mail:\n  outbox: ").append(dir.resolve("outbox")).append('\n')
                .append("digest:\n  data-dir: ").append(dir.resolve("digest")).append('\n')
                // as newsboat is run: 8 requests at once, no pause between two to the same host
                .append("fetch:\n  threads: 8\n  per-host-concurrency: 8\n  per-host-delay: 0s\n  state-dir: ").append(dir.resolve("fetch"))
                .append(feeds == 0 ? "\nsources: []\n" : "\nsources:\n");
        for (int i = 0; i < feeds; i++) {
            y.append("  - { id: bench-").append(i).append(", type: rss, kind: ").append(i % 2 == 0 ? "news" : "jobs")
                    .append(", url: \"").append(base).append(i).append("\", interval: 30m }\n");
        }
        return y.toString();
    }

    /** Runs the command, sampling its peak resident set size (VmHWM) until it ends. */
    static Run measure(List<String> command, Path workDir) throws IOException, InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2"); // as the Dockerfile and the README run it
        Process p = pb.start();
        List<String> stdout = new ArrayList<>();
        List<String> stderr = new ArrayList<>();
        Thread o = collect(p.getInputStream(), stdout);
        Thread e = collect(p.getErrorStream(), stderr);
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long peak = 0;
        while (!p.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS)) peak = Math.max(peak, PeakRss.read(status));
        double seconds = (System.nanoTime() - start) / 1e9;
        o.join(5_000);
        e.join(5_000);
        return new Run(p.exitValue(), seconds, peak, stdout, stderr);
    }

    private static Thread collect(InputStream in, List<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The published and tagged counts of {@code run --once}'s summary line. */
    record Counts(long published, long tagged) {
        private static final Pattern SUMMARY = Pattern.compile("published (\\d+) new items, tagged (\\d+)");

        static Counts of(List<String> stdout) {
            synchronized (stdout) {
                for (String line : stdout) {
                    Matcher m = SUMMARY.matcher(line);
                    if (m.find()) return new Counts(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
                }
            }
            return new Counts(-1, -1);
        }
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    // the child runs in the temporary directory: a relative class path (target/rxradar.jar) would not resolve there
    private static String absoluteClassPath() {
        List<String> parts = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            parts.add(Path.of(p).toAbsolutePath().toString());
        return String.join(java.io.File.pathSeparator, parts);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }
}
