package org.rxradar.digest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.TaggedItem;
import org.rxradar.model.Taxonomy;

/**
 * Throughput of select + render + send over a real SMTP conversation (a local scripted SMTP server
 * that accepts and discards), on demand only. Prints digests/s and the peak heap. With a 512 MB heap,
 * 10,000 subscribers, 5,000 items and 2 delivery threads (each with its own SMTP connection):
 * <pre>
 * ./mvnw -B -q test-compile      # also writes target/test.cp
 * java -Xmx512m -Drxradar.bench.subscribers=10000 -Drxradar.bench.threads=2 \
 *      -cp target/test-classes:target/classes:$(cat target/test.cp) org.rxradar.digest.DigestThroughputBenchmark
 * </pre>
 * Defaults: 2,000 subscribers, 5,000 items, 1 thread. It ends with an error, and no figure counts, unless
 * the SMTP server accepted every digest sent.
 */
public class DigestThroughputBenchmark {
    public static void main(String[] args) throws Exception {
        new DigestThroughputBenchmark().digestsPerSecond();
    }

    private static final String[] STATES = {"CA", "TX", "NY", "FL", "IL", "OH", "WA", "PA", "GA", "NC"};
    private static final String[] WORDS = {"IV", "sterile", "night", "certified", "lead", "inventory", "remote", "billing"};

    void digestsPerSecond() throws Exception {
        int subscribers = Integer.getInteger("rxradar.bench.subscribers", 2000);
        int itemCount = Integer.getInteger("rxradar.bench.items", 5000);
        int threads = Integer.getInteger("rxradar.bench.threads", 1);
        Random rnd = new Random(42);
        List<TaggedItem> items = items(itemCount, rnd);
        List<org.rxradar.model.Subscriber> subs = subscribers(subscribers, rnd);

        try (ScriptedSmtpServer server = new ScriptedSmtpServer().discardMessages()) {
            DigestRenderer renderer = new DigestRenderer();
            // one SMTP connection per delivery thread: a connection carries one message at a time
            RxRadarConfig.Smtp smtp = new RxRadarConfig.Smtp("127.0.0.1", server.port(), false, false, "", "");
            Mailer mailer = new MailerPool(threads, () -> new SmtpMailer(smtp, new SmtpMailer.Retry(1, Duration.ZERO, Duration.ZERO)));
            DigestService service = new DigestService(new DigestSelector("https://rxradar.example.org", 30, 15), renderer,
                    new DigestMessageFactory("digest@rxradar.example.org", "https://rxradar.example.org", null,
                            UnsubscribeTokens.withSecret("bench-secret-0123456789"), renderer, Clock.systemUTC()),
                    mailer, false, Clock.systemUTC());
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
            LocalDate day = LocalDate.of(2026, 11, 24);
            long t0 = System.nanoTime();
            List<Digest> digests = new ArrayList<>();
            for (var s : subs.subList(0, Math.min(200, subs.size()))) digests.add(service.preview(s, items, day));
            long t1 = System.nanoTime();
            for (Digest d : digests) service.message(d);
            long t2 = System.nanoTime();
            System.out.printf("per digest: select %.2f ms, render+message %.2f ms%n",
                    (t1 - t0) / 1e6 / digests.size(), (t2 - t1) / 1e6 / digests.size());
            digests.clear();
            long start = System.nanoTime();
            AtomicInteger sentCount = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> runs = new ArrayList<>();
            for (var s : subs) {
                runs.add(pool.submit(() -> {
                    if (service.deliver(s, items, day).sent()) sentCount.incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : runs) f.get();
            pool.shutdown();
            int sent = sentCount.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            service.close();
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("digest benchmark: %d subscribers x %d items, %d thread(s): %d sent in %.1f s = %.0f digests/s; "
                            + "peak heap %d MB (max %d MB)%n", subscribers, itemCount, threads, sent, seconds, subscribers / seconds,
                    peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
            org.rxradar.bench.BenchChecks.same("messages the SMTP server accepted", server.acceptedCount(), sent);
        }
    }

    /** A day of tagged items: three leads to one news item, varied settings, states, pay; some near-duplicates. */
    static List<TaggedItem> items(int itemCount, Random rnd) {
        List<TaggedItem> items = new ArrayList<>();
        for (int i = 0; i < itemCount; i++) {
            boolean isNews = i % 4 == 0;
            var b = isNews ? TestItems.news("Story " + i + " about " + WORDS[rnd.nextInt(WORDS.length)])
                    .topics(Taxonomy.TOPICS.get(rnd.nextInt(Taxonomy.TOPICS.size()))).summary("A summary of story " + i + ".")
                    : TestItems.job("Pharmacy Technician " + i + " " + WORDS[rnd.nextInt(WORDS.length)])
                    .settings(Taxonomy.SETTINGS.get(rnd.nextInt(Taxonomy.SETTINGS.size())))
                    .employer("Employer " + (i % 300)).in("City" + (i % 50), STATES[rnd.nextInt(STATES.length)])
                    .hourly(16 + rnd.nextInt(8), 24 + rnd.nextInt(6)).cert("PTCB-CPhT", rnd.nextBoolean()).shift("DAY");
            b.url("https://jobs.example.org/item/" + i).hoursAgo(rnd.nextInt(24));
            if (i % 10 == 0) b.cluster("c" + (i / 20));
            items.add(b.build());
        }
        return items;
    }

    /** Subscribers with varied filters: settings, states and remote, topics, keywords. */
    static List<org.rxradar.model.Subscriber> subscribers(int subscribers, Random rnd) {
        List<org.rxradar.model.Subscriber> subs = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            var s = TestItems.subscriber("b" + i);
            s.settings(Taxonomy.SETTINGS.get(rnd.nextInt(Taxonomy.SETTINGS.size())), Taxonomy.SETTINGS.get(rnd.nextInt(Taxonomy.SETTINGS.size())));
            if (i % 2 == 0) s.states(STATES[rnd.nextInt(STATES.length)], STATES[rnd.nextInt(STATES.length)]).remote(i % 4 == 0);
            if (i % 3 == 0) s.topics(Taxonomy.TOPICS.get(rnd.nextInt(Taxonomy.TOPICS.size())));
            if (i % 5 == 0) s.keywords(WORDS[rnd.nextInt(WORDS.length)]);
            subs.add(s.build());
        }
        return subs;
    }
}
