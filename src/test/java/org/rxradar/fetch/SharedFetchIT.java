package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.Partitions;
import org.rxradar.bus.Topics;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Item;
import org.rxradar.model.Json;

/**
 * Fetching shared by partition, on one real broker: instances are {@link FetchGroup}s with distinct
 * instance ids in this JVM, and one in a child JVM for kill -9. 100 local feeds of 20 items, served
 * by a {@link TestServer} that answers 304 to a matching ETag and counts, per feed and fetching
 * instance (its user agent), full answers and 304s. Each test uses its own group prefix and source
 * ids on the shared broker.
 */
class SharedFetchIT {
    static final int FEEDS = 100;
    static final int ITEMS = 20;
    static final int PARTITIONS = 6;
    static final Duration INTERVAL = Duration.ofSeconds(2);

    @TempDir
    static Path dir;
    static Bus bus;

    @BeforeAll
    static void startBroker() {
        bus = Bus.open(new RxRadarConfig.Kafka("", PARTITIONS, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()),
                "it", null));
    }

    @AfterAll
    static void stopBroker() {
        if (bus != null) bus.close();
    }

    @Test
    void threeInstancesShareTheSourcesAndACleanStopHandsThemOverAtOnce() throws Exception {
        try (FeedSite site = new FeedSite("t1")) {
            FetchGroup a = instance(site, "a", Map.of());
            FetchGroup b = instance(site, "b", Map.of());
            FetchGroup c = instance(site, "c", Map.of());
            try (a; b; c) {
                List<FetchGroup> all = List.of(a, b, c);
                all.forEach(FetchGroup::join);
                awaitSplit(all, PARTITIONS, Duration.ofSeconds(60));
                all.forEach(FetchGroup::start);

                Raw first = awaitRaw(site.prefix, FEEDS * ITEMS, Duration.ofSeconds(90));
                Thread.sleep(3 * INTERVAL.toMillis()); // more polls of every source: all 304
                Raw settled = raw(site.prefix);
                assertThat(settled.records()).as("raw records").isEqualTo(FEEDS * ITEMS);
                assertThat(settled.unique()).as("unique ids").isEqualTo(FEEDS * ITEMS);
                assertThat(first.records()).isEqualTo(FEEDS * ITEMS);

                // each source fetched by exactly one instance: its owner; and each feed read in full once
                Map<String, String> ownerOf = owners(Map.of("a", a, "b", b, "c", c));
                assertThat(ownerOf).hasSize(FEEDS);
                for (int n = 0; n < FEEDS; n++) {
                    String owner = ownerOf.get(site.sourceId(n));
                    assertThat(site.fetchersOf(n)).as("instances that fetched feed %d", n).containsExactly(owner);
                    assertThat(site.full(n)).as("full answers of feed %d", n).isEqualTo(1);
                }
                assertThat(a.publishedCount() + b.publishedCount() + c.publishedCount()).isEqualTo(FEEDS * ITEMS);
                assertThat(List.of(a.publishedCount(), b.publishedCount(), c.publishedCount())).allMatch(n -> n > 0);

                // a clean stop leaves the group: the others take its partitions at once
                Set<String> cSources = c.ownedSources();
                long stop = System.nanoTime();
                c.close();
                long closed = System.nanoTime();
                awaitSplit(List.of(a, b), PARTITIONS, Duration.ofSeconds(60));
                long takenOver = System.nanoTime();
                site.resetFetchers();
                site.addItems(5);
                long added = System.nanoTime();
                awaitRaw(site.prefix, FEEDS * 25, Duration.ofSeconds(60));
                long allPublished = System.nanoTime();
                Thread.sleep(3 * INTERVAL.toMillis());
                Raw after = raw(site.prefix);
                assertThat(after.records()).as("raw records after the hand-over").isEqualTo(FEEDS * 25);
                assertThat(after.unique()).isEqualTo(FEEDS * 25);
                for (int n = 0; n < FEEDS; n++) {
                    // the old items were not read again: the new owner asked with c's ETag (state resumed)
                    assertThat(site.full(n)).as("full answers of feed %d", n).isEqualTo(2);
                    assertThat(site.fetchersOf(n)).as("instances that fetched feed %d after the stop", n).doesNotContain("c").hasSize(1);
                }
                System.out.printf("FIGURES clean stop: %d sources moved; close() %d ms, partitions owned by the others %d ms after "
                                + "close() began; new items all published %d ms after they appeared; raw %d = unique %d "
                                + "(duplicates 0, losses %d)%n", cSources.size(), ms(closed - stop), ms(takenOver - stop),
                        ms(allPublished - added), after.records(), after.unique(), FEEDS * 25 - after.unique());
            }
        }
    }

    @Test
    void aKilledInstancesSourcesMoveToTheOthersAfterTheSessionTimeout() throws Exception {
        try (FeedSite site = new FeedSite("t2")) {
            FetchGroup a = instance(site, "a", Map.of());
            FetchGroup b = instance(site, "b", Map.of());
            try (a; b; Child k = Child.start(site, "k")) {
                a.join();
                b.join();
                awaitSplit(List.of(a, b), 4, Duration.ofSeconds(90)); // the child holds the other two
                a.start();
                b.start();
                awaitRaw(site.prefix, FEEDS * ITEMS, Duration.ofSeconds(90));
                Set<Integer> childs = new TreeSet<>(Set.of(0, 1, 2, 3, 4, 5));
                childs.removeAll(a.ownedPartitions());
                childs.removeAll(b.ownedPartitions());
                assertThat(childs).hasSize(2);

                // new items everywhere; the child is killed while it publishes its share
                site.addItems(5);
                Thread.sleep(1_000);
                long killed = System.nanoTime();
                k.kill();
                awaitSplit(List.of(a, b), PARTITIONS, Duration.ofSeconds(90));
                long takenOver = System.nanoTime();
                site.addItems(5);
                long added = System.nanoTime();
                awaitRaw(site.prefix, FEEDS * 30, Duration.ofSeconds(90));
                long allPublished = System.nanoTime();
                Thread.sleep(3 * INTERVAL.toMillis());
                Raw after = raw(site.prefix);
                assertThat(after.records()).as("raw records").isEqualTo(FEEDS * 30);
                assertThat(after.unique()).as("unique ids").isEqualTo(FEEDS * 30);
                System.out.printf("FIGURES kill -9: partitions %s of the killed instance owned by the others %d ms after the kill "
                                + "(session timeout %d s); new items all published %d ms after they appeared; raw %d = unique %d "
                                + "(duplicates %d, losses %d); full answers per feed %s%n", childs, ms(takenOver - killed),
                        KafkaClients.SESSION_TIMEOUT.toSeconds(), ms(allPublished - added), after.records(), after.unique(),
                        after.records() - after.unique(), FEEDS * 30 - after.unique(), site.fullAnswerHistogram());
            }
        }
    }

    @Test
    void aStalledOwnersTransactionsAreRefusedOnceItsSourcesMoved() throws Exception {
        try (FeedSite site = new FeedSite("t3")) {
            FetchGroup y = instance(site, "y", Map.of());
            // the zombie: its poll thread stalls; past max.poll.interval.ms and the session timeout the group drops it
            FetchGroup z = instance(site, "z", Map.of("max.poll.interval.ms", "5000"));
            try (y; z) {
                y.join();
                z.join();
                awaitSplit(List.of(y, z), PARTITIONS, Duration.ofSeconds(60));
                y.start();
                z.start();
                awaitRaw(site.prefix, FEEDS * ITEMS, Duration.ofSeconds(90));

                Set<String> zSources = z.ownedSources();
                z.stallForTest(true);
                long stalled = System.nanoTime();
                awaitSplit(List.of(y), PARTITIONS, Duration.ofSeconds(90));
                long moved = System.nanoTime();
                assertThat(z.ownedSources()).as("what the zombie still believes it owns").isEqualTo(zSources).isNotEmpty();
                long zTransactions = z.transactionCount();

                site.addItems(5);
                await(() -> z.refusedCount() > 0, Duration.ofSeconds(60), "the zombie to try to store a poll");
                awaitRaw(site.prefix, FEEDS * 25, Duration.ofSeconds(60));
                Thread.sleep(3 * INTERVAL.toMillis());
                String refused = z.lastRefusal();
                assertThat(z.transactionCount()).as("the zombie's committed transactions").isEqualTo(zTransactions);
                assertThat(refused).containsAnyOf("generation", "member", "metadata mismatch");
                Raw during = raw(site.prefix);
                assertThat(during.records()).isEqualTo(FEEDS * 25);
                assertThat(during.unique()).isEqualTo(FEEDS * 25);

                // back from its pause: it learns it lost its partitions, rejoins, and takes some over again
                z.stallForTest(false);
                awaitSplit(List.of(y, z), PARTITIONS, Duration.ofSeconds(60));
                site.addItems(5);
                awaitRaw(site.prefix, FEEDS * 30, Duration.ofSeconds(60));
                Thread.sleep(3 * INTERVAL.toMillis());
                Raw after = raw(site.prefix);
                assertThat(after.records()).isEqualTo(FEEDS * 30);
                assertThat(after.unique()).isEqualTo(FEEDS * 30);
                System.out.printf("FIGURES zombie: stalled owner's %d sources moved %d ms after its poll thread stopped; its "
                                + "transaction refused: %s; raw %d = unique %d%n", zSources.size(), ms(moved - stalled), refused,
                        after.records(), after.unique());
            }
        }
    }

    @Test
    void aSecondProcessWithTheSameInstanceIdFencesTheFirst() throws Exception {
        try (FeedSite site = new FeedSite("t4")) {
            FetchGroup first = instance(site, "f", Map.of());
            try (first) {
                first.start();
                awaitRaw(site.prefix, FEEDS * ITEMS, Duration.ofSeconds(90));
                try (FetchGroup second = instance(site, "f", Map.of())) {
                    second.start();
                    await(() -> first.health().state().fenced(), Duration.ofSeconds(60), "the first to be fenced");
                    assertThat(first.health().state().stopped()).startsWith("fenced: ");
                    assertThat(first.ownedSources()).isEmpty();
                    site.addItems(5);
                    awaitRaw(site.prefix, FEEDS * 25, Duration.ofSeconds(60));
                    Thread.sleep(3 * INTERVAL.toMillis());
                    Raw after = raw(site.prefix);
                    assertThat(after.records()).isEqualTo(FEEDS * 25);
                    assertThat(after.unique()).isEqualTo(FEEDS * 25);
                }
            }
        }
    }

    @Test
    void stateFilesOfAnEarlierVersionAreTakenOverOnceThenTheTopicHoldsTheState() throws Exception {
        try (FeedSite site = new FeedSite("t5")) {
            String files = dir.resolve("t5-state-files").toString();
            // an earlier version's run: every feed read, its state in a file per source under fetch.state-dir
            List<Item> earlier = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (FetchStage old = new FetchStage(config(site.prefix, site.port(), "m", files), earlier::add)) {
                assertThat(old.runOnce().published()).isEqualTo(FEEDS * ITEMS);
            }
            // this version on the same directory: each source starts from its file (its ETag: a 304; its seen
            // ids: nothing published again) and that state goes to the topic with the poll
            KafkaClients clients = new KafkaClients(bus.clients().bootstrapServers(), site.prefix, Map.of(), "m");
            RxRadarConfig cfg = config(site.prefix, site.port(), "m", files);
            SourceLog.loadFromConfig(clients, cfg.sources());
            try (FetchGroup migrated = new FetchGroup(cfg, clients)) {
                FetchReport first = migrated.runOnce();
                assertThat(first.sources()).hasSize(FEEDS);
                assertThat(first.failed()).isZero();
                assertThat(first.published()).isZero();
                assertThat(migrated.transactionCount()).isPositive();
            }
            for (int n = 0; n < FEEDS; n++) assertThat(site.full(n)).as("full answers of feed %d", n).isEqualTo(1);
            // another instance without those files: the state is the topic's
            try (FetchGroup other = instance(site, "n", Map.of())) {
                assertThat(other.runOnce().published()).isZero();
                site.addItems(5);
                assertThat(other.runOnce().published()).isEqualTo(FEEDS * 5);
            }
            Raw raw = raw(site.prefix);
            assertThat(raw.records()).isEqualTo(FEEDS * 5);
            assertThat(raw.unique()).isEqualTo(FEEDS * 5);
        }
    }

    // ---- instances

    /** The configuration of instance {@code id}: the site's feeds as sources, its own user agent (the site tells instances apart by it). */
    static RxRadarConfig config(String prefix, int port, String id) {
        return config(prefix, port, id, dir == null ? "./no-state" : dir.resolve("no-state").toString());
    }

    static RxRadarConfig config(String prefix, int port, String id, String stateDir) {
        List<RxRadarConfig.Source> sources = new ArrayList<>();
        for (int n = 0; n < FEEDS; n++) {
            sources.add(new RxRadarConfig.Source(prefix + "-feed-" + n, "rss", "news", "http://127.0.0.1:" + port + "/feed/" + n, INTERVAL,
                    null, Map.of(), true));
        }
        RxRadarConfig.Fetch fetch = new RxRadarConfig.Fetch("it-" + id, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(20), "1MB", 3, 4, 8, Duration.ZERO, 10, stateDir);
        return new RxRadarConfig(null, null, fetch, sources, null, null, null, null, new RxRadarConfig.Instance(id));
    }

    static FetchGroup open(String bootstrap, String prefix, int port, String id, Map<String, String> extra) {
        KafkaClients clients = new KafkaClients(bootstrap, prefix, extra, id);
        RxRadarConfig cfg = config(prefix, port, id);
        SourceLog.loadFromConfig(clients, cfg.sources());
        return new FetchGroup(cfg, clients);
    }

    private static FetchGroup instance(FeedSite site, String id, Map<String, String> extra) {
        return open(bus.clients().bootstrapServers(), site.prefix, site.port(), id, extra);
    }

    /** Source id to the id of the instance that owns it. */
    private static Map<String, String> owners(Map<String, FetchGroup> instances) {
        Map<String, String> out = new HashMap<>();
        instances.forEach((id, g) -> g.ownedSources().forEach(s -> assertThat(out.put(s, id)).as("%s owned twice", s).isNull()));
        return out;
    }

    /** Waits until the groups own {@code total} partitions between them, disjoint, each some, unchanged for a second. */
    private static void awaitSplit(List<FetchGroup> groups, int total, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        long sameSince = 0;
        while (System.nanoTime() < deadline) {
            List<Set<Integer>> sets = groups.stream().map(g -> (Set<Integer>) g.ownedPartitions()).toList();
            Set<Integer> union = new HashSet<>();
            int sum = 0;
            for (Set<Integer> s : sets) {
                union.addAll(s);
                sum += s.size();
            }
            boolean split = union.size() == total && sum == total && sets.stream().noneMatch(Set::isEmpty);
            String now = sets.toString();
            if (split && now.equals(last)) {
                if (System.nanoTime() - sameSince > 1_000_000_000L) return;
            } else {
                last = now;
                sameSince = System.nanoTime();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("partitions not split as expected within " + timeout + ": " + groups.stream().map(FetchGroup::ownedPartitions).toList());
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("waited " + timeout + " for " + what);
            Thread.sleep(100);
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    // ---- what reached the raw topic

    record Raw(int records, int unique) {}

    /** The committed records of the news topic from this test's sources, and their distinct ids. */
    static Raw raw(String prefix) throws IOException {
        int records = 0;
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, byte[]> reader = bus.clients().reader("it-count")) {
            List<TopicPartition> parts = Partitions.of(reader, Topics.NEWS_RAW, Duration.ofSeconds(30));
            reader.assign(parts);
            reader.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = reader.endOffsets(parts, Duration.ofSeconds(30));
            while (parts.stream().anyMatch(tp -> reader.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(200))) {
                    Item item = Json.read(r.value(), Item.class);
                    if (!item.source().startsWith(prefix + "-")) continue;
                    records++;
                    ids.add(item.id());
                }
            }
        }
        return new Raw(records, ids.size());
    }

    private static Raw awaitRaw(String prefix, int records, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Raw r = raw(prefix);
            if (r.records() >= records) return r;
            if (System.nanoTime() > deadline) throw new AssertionError("raw records " + r + " of " + records + " within " + timeout);
            Thread.sleep(500);
        }
    }

    // ---- the feeds

    /** 100 RSS feeds of {@code items} items each, an ETag per content; counts full answers and fetching instances per feed. */
    static final class FeedSite implements AutoCloseable {
        final String prefix;
        private final TestServer server = new TestServer();
        private final AtomicInteger items = new AtomicInteger(ITEMS);
        private final Map<Integer, AtomicInteger> full = new ConcurrentHashMap<>();
        private final Map<Integer, Set<String>> fetchers = new ConcurrentHashMap<>();

        FeedSite(String prefix) throws IOException {
            this.prefix = prefix;
            server.on("/feed/", ex -> {
                int n = Integer.parseInt(ex.getRequestURI().getPath().substring("/feed/".length()));
                String agent = String.valueOf(ex.getRequestHeaders().getFirst("User-Agent"));
                fetchers.computeIfAbsent(n, k -> ConcurrentHashMap.newKeySet()).add(agent.startsWith("it-") ? agent.substring(3) : agent);
                int count = items.get();
                String etag = "\"" + count + "\"";
                if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
                full.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
                ex.getResponseHeaders().set("ETag", etag);
                TestServer.send(ex, 200, "application/rss+xml", feed(n, count).getBytes(StandardCharsets.UTF_8));
            });
        }

        int port() {
            return server.server.getAddress().getPort();
        }

        String sourceId(int n) {
            return prefix + "-feed-" + n;
        }

        void addItems(int more) {
            items.addAndGet(more);
        }

        int full(int n) {
            AtomicInteger c = full.get(n);
            return c == null ? 0 : c.get();
        }

        Set<String> fetchersOf(int n) {
            return fetchers.getOrDefault(n, Set.of());
        }

        void resetFetchers() {
            fetchers.clear();
        }

        /** How many feeds were read in full how many times. */
        Map<Integer, Integer> fullAnswerHistogram() {
            Map<Integer, Integer> h = new java.util.TreeMap<>();
            for (int n = 0; n < FEEDS; n++) h.merge(full(n), 1, Integer::sum);
            return h;
        }

        private String feed(int n, int count) {
            StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed ").append(n)
                    .append("</title><link>http://feeds.example/").append(prefix).append('/').append(n).append("/</link>");
            for (int i = count - 1; i >= 0; i--) {
                s.append("<item><guid>").append(prefix).append('-').append(n).append('-').append(i).append("</guid><title>Item ").append(i)
                        .append(" of feed ").append(n).append("</title><link>http://feeds.example/").append(prefix).append('/').append(n)
                        .append("/item/").append(i).append("</link><pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate></item>");
            }
            return s.append("</channel></rss>").toString();
        }

        @Override
        public void close() {
            server.close();
        }
    }

    // ---- an instance in a JVM of its own, for kill -9

    static final class Child implements AutoCloseable {
        private final Process process;

        private Child(Process process) {
            this.process = process;
        }

        static Child start(FeedSite site, String id) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                    FetchInstanceMain.class.getName(), bus.clients().bootstrapServers(), site.prefix, String.valueOf(site.port()), id)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child-" + id + ".log").toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("RXRADAR_"));
            return new Child(pb.start());
        }

        /** kill -9. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) kill();
        }
    }
}
