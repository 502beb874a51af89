package org.rxradar.digest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.rxradar.bus.Bus;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.view.FeedView;
import org.rxradar.model.TaggedItem;

/**
 * The whole send run as the pipeline does it: the deliver stage over subscribers read from the
 * subscription topic, each digest recorded in {@code rxradar.digests} (acknowledged by the broker)
 * before it counts, mail to a local SMTP server. On demand only, like {@link DigestThroughputBenchmark}
 * (same properties, same data), e.g.
 * {@code java -Xmx512m -Drxradar.bench.subscribers=10000 -Drxradar.bench.threads=2 -cp … org.rxradar.digest.DeliverStageBenchmark}.
 * The peak heap includes the embedded broker, which runs in the same JVM here.
 */
public class DeliverStageBenchmark {
    public static void main(String[] args) throws Exception {
        new DeliverStageBenchmark().sendRun();
    }

    void sendRun() throws Exception {
        int subscriberCount = Integer.getInteger("rxradar.bench.subscribers", 2000);
        int itemCount = Integer.getInteger("rxradar.bench.items", 5000);
        int threads = Integer.getInteger("rxradar.bench.threads", 1);
        Random rnd = new Random(42);
        List<TaggedItem> items = DigestThroughputBenchmark.items(itemCount, rnd);
        List<org.rxradar.model.Subscriber> subs = DigestThroughputBenchmark.subscribers(subscriberCount, rnd);
        // 07:30 in Chicago, the subscribers' zone: every digest is due
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T13:30:00Z"), ZoneOffset.UTC);
        Path dir = Files.createTempDirectory("rxradar-deliver-bench");

        try (Bus bus = Bus.open(new RxRadarConfig.Kafka("", 1, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()), "bench", null));
             SubscriptionLog subscriptions = new SubscriptionLog(bus.clients());
             DigestLog digests = new DigestLog(bus.clients());
             ScriptedSmtpServer server = new ScriptedSmtpServer().discardMessages()) {
            long t0 = System.nanoTime();
            for (org.rxradar.model.Subscriber s : subs) subscriptions.put(s);
            subscriptions.awaitCaughtUp();
            System.out.printf("%d subscribers written to the topic in %.1f s%n", subs.size(), (System.nanoTime() - t0) / 1e9);
            FeedView recent = new FeedView(Duration.ofDays(14), FeedView.DEFAULT_MAX_ITEMS, clock);
            items.forEach(recent::put);

            DigestRenderer renderer = new DigestRenderer();
            RxRadarConfig.Smtp smtp = new RxRadarConfig.Smtp("127.0.0.1", server.port(), false, false, "", "");
            Mailer mailer = new MailerPool(threads, () -> new SmtpMailer(smtp, new SmtpMailer.Retry(1, Duration.ZERO, Duration.ZERO)));
            DigestService service = new DigestService(new DigestSelector("https://rxradar.example.org", 30, 15), renderer,
                    new DigestMessageFactory("digest@rxradar.example.org", "https://rxradar.example.org", null,
                            UnsubscribeTokens.withSecret("bench-secret-0123456789"), renderer, clock),
                    mailer, false, clock);
            // -Drxradar.bench.group=true: as the pipeline does it, a member of the deliver group whose intents are
            // fenced transactions (KIP-447); else every subscriber, intents as plain acknowledged writes
            boolean group = Boolean.getBoolean("rxradar.bench.group");
            DeliverGroup members = group ? new DeliverGroup(bus.clients(), "bench", digests, why -> {}) : null;
            DeliverStage.Ownership ownership = group ? members : DeliverStage.Ownership.everyone(digests);
            if (group) members.awaitAssignment(Duration.ofMinutes(1));
            DeliverStage stage = new DeliverStage(subscriptions, digests, recent, service, clock, threads, ownership);

            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
            long start = System.nanoTime();
            int sent = stage.runDue();
            double seconds = (System.nanoTime() - start) / 1e9;
            service.close();
            if (members != null) members.close();
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("deliver stage benchmark%s: %d subscribers x %d items, %d thread(s): %d sent and recorded in %.1f s = %.0f digests/s; "
                            + "peak heap %d MB with the embedded broker (max %d MB)%n", group ? " (deliver group, fenced intents)" : "", subs.size(), itemCount, threads, sent, seconds,
                    subs.size() / seconds, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
            org.rxradar.bench.BenchChecks.same("messages the SMTP server accepted", server.acceptedCount(), sent);
            org.rxradar.bench.BenchChecks.same("digests recorded in rxradar.digests", digests.size(), subs.size());
        }
    }
}
