package org.rxradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.DataDirLock;
import org.rxradar.demo.DemoSetup;

/**
 * A running demo and other RxRadar processes on the same directory, each a real JVM: a second
 * demo stops at once naming the first one's process and touches nothing; commands run meanwhile
 * read the running demo's broker (its subscribers, its trends); after the demo is killed (kill -9),
 * a new demo starts on the same data and publishes no item twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunningInstanceIT {
    private static final Duration START = Duration.ofMinutes(4);
    private static final Pattern HEALTH = Pattern.compile("http://localhost:(\\d+)/health");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern PUBLISHED = Pattern.compile("published (\\d+) new items");

    @TempDir
    static Path work;
    static ChildJvm demo;
    static int httpPort;
    static Path dataDir;

    @BeforeAll
    static void startDemo() throws Exception {
        dataDir = work.resolve("data/demo");
        // a person's `rxradar demo`: default data directory (./data/demo) under the working directory
        demo = ChildJvm.start(work, "demo", "--port", "0");
        String port = demo.awaitOut(HEALTH, START).orElseThrow(() -> new AssertionError("the demo did not start:\n" + demo.transcript()));
        httpPort = Integer.parseInt(port);
        assertThat(demo.awaitOut(Pattern.compile("Running; Ctrl-C stops it"), START)).as(demo.transcript()).isPresent();
    }

    @AfterAll
    static void stopDemo() throws Exception {
        if (demo != null) demo.close();
    }

    @Test
    @Order(1)
    void aSecondDemoOnTheSameDirectoryExitsAtOnceNamingTheFirstAndTouchesNothing() throws Exception {
        String portBefore = Files.readString(dataDir.resolve("sample-site.port"));
        List<String> outboxBefore = listing(work.resolve("outbox"));
        int jobsBefore = entries(get("/feeds/jobs.atom").body());
        assertThat(jobsBefore).isPositive();

        try (ChildJvm second = ChildJvm.start(work, "demo", "--port", "0")) {
            // without the lock it would "recover" the first one's open log, and both died of CorruptRecordException
            assertThat(second.awaitExit(Duration.ofSeconds(60))).as(second.transcript()).contains(Main.EXIT_IN_USE);
            assertThat(second.err()).as(second.transcript())
                    .contains("rxradar: data directory " + DemoSetup.kafkaDir(dataDir).toRealPath() + " is already in use by process "
                            + demo.pid() + ": stop that RxRadar first, or give this one another data directory (demo --data-dir, "
                            + "kafka.embedded.data-dir)");
            assertThat(second.out()).as("the second demo served nothing").isEmpty();
        }

        // the first one's data and service are intact
        assertThat(demo.isAlive()).as(demo.transcript()).isTrue();
        // readiness is checked every 10 s in the background: ready within a bounded wait
        HttpResponse<String> health = get("/health");
        for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); health.statusCode() != 200 && System.nanoTime() < deadline; ) {
            Thread.sleep(500);
            health = get("/health");
        }
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(entries(get("/feeds/jobs.atom").body())).isEqualTo(jobsBefore);
        assertThat(Files.readString(dataDir.resolve("sample-site.port"))).isEqualTo(portBefore);
        assertThat(listing(work.resolve("outbox"))).isEqualTo(outboxBefore);
        assertThat(Files.readString(DemoSetup.kafkaDir(dataDir).resolve(DataDirLock.LOCK_FILE)).trim()).isEqualTo(String.valueOf(demo.pid()));
    }

    @Test
    @Order(2)
    void commandsRunMeanwhileReadTheRunningDemosBroker() throws Exception {
        // no option: with no `run` on ./data/kafka, the running demo is found in ./data/demo
        try (ChildJvm list = ChildJvm.start(work, "subscribers", "list")) {
            assertThat(list.awaitExit(Duration.ofMinutes(2))).as(list.transcript()).contains(0);
            assertThat(list.out()).as(list.transcript()).anySatisfy(l -> assertThat(l).contains(DemoSetup.DEMO_EMAIL));
            assertThat(list.err().stream().filter(l -> l.startsWith("rxradar:")).toList()).as(list.transcript())
                    .containsExactly("rxradar: reading the broker of the RxRadar running on " + DemoSetup.kafkaDir(dataDir).toRealPath()
                            + " (process " + demo.pid() + ") at " + published("bootstrap.servers"));
        }
        // named by --data-dir, from another working directory
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        try (ChildJvm trends = ChildJvm.start(elsewhere, "trends", "--data-dir", dataDir.toString())) {
            assertThat(trends.awaitExit(Duration.ofMinutes(2))).as(trends.transcript()).contains(0);
            Matcher leads = Pattern.compile("\\): (\\d+) job leads").matcher(String.join("\n", trends.out()));
            assertThat(leads.find()).as(trends.transcript()).isTrue();
            assertThat(Integer.parseInt(leads.group(1))).as("job leads the running demo counted").isPositive();
            assertThat(trends.err()).anySatisfy(l -> assertThat(l).startsWith("rxradar: reading the broker of the RxRadar running on"));
        }
        assertThat(demo.isAlive()).isTrue();
    }

    @Test
    @Order(3)
    void afterKillMinus9ANewDemoTakesTheDirectoryAndPublishesNothingTwice() throws Exception {
        String port = Files.readString(dataDir.resolve("sample-site.port")).trim();
        demo.kill();
        // the operating system released the lock with the process: nothing stale blocks the restart
        assertThat(DataDirLock.owner(DemoSetup.kafkaDir(dataDir))).isEmpty();

        try (ChildJvm again = ChildJvm.start(work, "demo", "--port", "0", "--once")) {
            assertThat(again.awaitExit(START)).as(again.transcript()).contains(0);
            String published = again.awaitOut(PUBLISHED, Duration.ofSeconds(1)).orElseThrow(() -> new AssertionError(again.transcript()));
            // same sample-site port, so the same URLs and item ids: every item was already published
            assertThat(Integer.parseInt(published)).as(again.transcript()).isZero();
            assertThat(again.err()).noneSatisfy(l -> assertThat(l).contains("CorruptRecord"));
        }
        assertThat(Files.readString(dataDir.resolve("sample-site.port")).trim()).isEqualTo(port);
        assertThat(Files.exists(DemoSetup.kafkaDir(dataDir).resolve(DataDirLock.ADDRESS_FILE))).as("address removed at a clean stop").isFalse();
    }

    private static String published(String key) throws Exception {
        return Files.readAllLines(DemoSetup.kafkaDir(dataDir).resolve(DataDirLock.ADDRESS_FILE)).stream()
                .filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).findFirst().orElseThrow();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static int entries(String atom) {
        return atom.split("<entry>", -1).length - 1;
    }

    private static List<String> listing(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
