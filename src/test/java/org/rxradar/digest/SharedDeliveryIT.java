package org.rxradar.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rxradar.digest.TestItems.job;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.bus.BusException;
import org.rxradar.bus.Topics;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.view.FeedView;
import org.rxradar.model.Subscriber;
import org.rxradar.model.DigestRecord;

/**
 * Several instances (distinct instance ids, each with its own views, deliver group member and
 * transactional producer) on one real broker with 3 partitions, one real SMTP server (GreenMail):
 * each subscriber is delivered by the instance owning their partition of the subscriptions,
 * exactly once per day, also when an instance stops in the middle of a send run or before the
 * send time; an instance that lost its subscribers cannot record a send intent for them.
 */
class SharedDeliveryIT {
    private static final int SUBSCRIBERS = 60;
    private static final int PARTITIONS = 3;

    @TempDir
    static Path dir;
    static Bus bus;
    static Admin admin;
    static final ExecutorService threads = Executors.newCachedThreadPool();

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private final MutableClock clock = new MutableClock("2026-11-24T06:00:00Z");
    private final List<Instance> instances = new ArrayList<>();
    private static int run; // subscribers of each test are new: a test of its own on a broker shared by the class

    @BeforeAll
    static void startBroker() {
        // the session timeout of the shared settings: a member that stops answering loses its partitions after 15 s
        bus = Bus.open(new RxRadarConfig.Kafka("", PARTITIONS, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()),
                "it", Map.of("session.timeout.ms", "15000")));
        admin = Admin.create(bus.clients().common());
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) admin.close();
        if (bus != null) bus.close();
    }

    @BeforeEach
    void subscribers() {
        run++;
        try (SubscriptionLog subs = new SubscriptionLog(bus.clients())) {
            for (Subscriber s : subs.all()) subs.remove(s.id());
            for (int i = 1; i <= SUBSCRIBERS; i++) subs.put(subscriber(id(i)));
            subs.awaitCaughtUp();
        }
    }

    @AfterEach
    void closeInstances() {
        for (Instance i : instances) i.close();
    }

    private static String id(int i) {
        return String.format("t%d-s%02d", run, i);
    }

    private static Subscriber subscriber(String id) {
        return Subscriber.of(id, id + "@example.org", null, List.of(), List.of(), List.of(), List.of(), false, List.of(),
                "UTC", "07:00", "daily", "confirmed");
    }

    /** One RxRadar instance's delivery: its own views, deliver group member and mailer. */
    private final class Instance implements AutoCloseable {
        final String id;
        final SubscriptionLog subscriptions = new SubscriptionLog(bus.clients());
        final DigestLog digests = new DigestLog(bus.clients());
        final FeedView items = new FeedView(Duration.ofDays(14), FeedView.DEFAULT_MAX_ITEMS, clock);
        final DigestService service;
        final DeliverGroup group;
        final DeliverStage stage;
        final AtomicInteger sent = new AtomicInteger();
        final AtomicReference<String> stopped = new AtomicReference<>();
        volatile long delayMs;
        /** The process dies right after recording its n-th intent, before handing that mail over (0: never). */
        volatile int crashAfterIntents;
        volatile long crashedAt;
        private final AtomicInteger intents = new AtomicInteger();
        private boolean closed;

        Instance(String id) {
            this(id, DeliverGroup.REVOKE_WAIT, 2);
        }

        Instance(String id, Duration revokeWait) {
            this(id, revokeWait, 2);
        }

        Instance(String id, Duration revokeWait, int threads) {
            this.id = id;
            items.put(job("Pharmacy Technician").settings("retail").build());
            DigestRenderer renderer = new DigestRenderer();
            service = new DigestService(new DigestSelector("https://rxradar.example.org", 30, 15), renderer,
                    new DigestMessageFactory("RxRadar <digest@rxradar.example.org>", "https://rxradar.example.org", null,
                            UnsubscribeTokens.withSecret("test-secret-0123456789"), renderer, clock),
                    new MailerPool(2, () -> new SmtpMailer(new RxRadarConfig.Smtp("127.0.0.1", greenMail.getSmtp().getPort(), false, false, "", ""),
                            new SmtpMailer.Retry(2, Duration.ofMillis(10), Duration.ofMillis(20)))),
                    false, clock);
            group = new DeliverGroup(bus.clients(), id, digests, stopped::set, revokeWait);
            DigestService real = service;
            DeliverStage.Sender counting = (s, candidates, period, beforeSend) -> {
                BeforeSend killable = (messageId, itemIds, leads, news) -> {
                    beforeSend.sending(messageId, itemIds, leads, news);
                    if (intents.incrementAndGet() == crashAfterIntents) {
                        crashedAt = System.nanoTime();
                        group.crash();
                        throw new Error("killed between the intent and the mail");
                    }
                };
                DeliveryResult o = real.send(s, candidates, period, killable);
                if (o.sent()) sent.incrementAndGet();
                if (delayMs > 0) Thread.sleep(delayMs);
                return o;
            };
            stage = new DeliverStage(subscriptions, digests, items, counting, clock, threads, group);
            instances.add(this);
        }

        int runDue() {
            try {
                return stage.runDue();
            } catch (BusException e) {
                return 0; // a check that failed (the log did not settle): the next one tries again
            }
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            group.close();
            service.close();
            digests.close();
            subscriptions.close();
        }
    }

    private List<Instance> start(String... ids) {
        List<Instance> out = new ArrayList<>();
        for (String id : ids) out.add(new Instance(id));
        return out;
    }

    /** Runs a check on each instance at once, as their own deliver threads would. */
    private static void checkAll(List<Instance> on) {
        List<CompletableFuture<Integer>> runs = on.stream().map(i -> CompletableFuture.supplyAsync(i::runDue, threads)).toList();
        runs.forEach(CompletableFuture::join);
    }

    /** Checks every 200 ms until every subscriber of this test has a digest (or 60 s passed). */
    private void checkUntilAllDelivered(List<Instance> on) throws InterruptedException {
        checkUntilDelivered(on, SUBSCRIBERS);
    }

    /** Checks every 200 ms until this test's subscribers got {@code mails} digests in all (or 60 s passed). */
    private void checkUntilDelivered(List<Instance> on, int mails) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (byRecipient().values().stream().mapToInt(Integer::intValue).sum() < mails && System.nanoTime() < deadline) {
            checkAll(on);
            Thread.sleep(200);
        }
        checkAll(on); // one more: anything sent now would be a second digest
    }

    /** Mails of this test's subscribers, by recipient. */
    private static Map<String, Integer> byRecipient() {
        Map<String, Integer> out = new TreeMap<>();
        String prefix = String.format("t%d-", run);
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                String to = ((InternetAddress) m.getAllRecipients()[0]).getAddress();
                if (to.startsWith(prefix)) out.merge(to, 1, Integer::sum);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** Waits until the deliver group is stable with these members, every partition assigned to one of them. */
    private static ConsumerGroupDescription awaitGroup(List<Instance> members) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        ConsumerGroupDescription d = null;
        while (System.nanoTime() < deadline) {
            d = admin.describeConsumerGroups(List.of(bus.clients().groupId(DeliverGroup.STAGE))).all().get(10, TimeUnit.SECONDS)
                    .get(bus.clients().groupId(DeliverGroup.STAGE));
            Set<Integer> owned = new TreeSet<>();
            int claimed = 0;
            for (Instance i : members) {
                owned.addAll(i.group.ownedPartitions());
                claimed += i.group.ownedPartitions().size();
            }
            if (d.members().size() == members.size() && owned.size() == PARTITIONS && claimed == PARTITIONS
                    && d.groupState() == org.apache.kafka.common.GroupState.STABLE) return d;
            Thread.sleep(100);
        }
        throw new AssertionError("deliver group not stable with " + members.size() + " members: " + d);
    }

    private static void assertOncePerSubscriber(Map<String, Integer> got) {
        assertThat(got.values()).as("digests per subscriber").allMatch(n -> n == 1);
        assertThat(got).as("subscribers with a digest").hasSize(SUBSCRIBERS);
    }

    @Test
    void threeInstancesSplitTheSubscribersAndMailEachOnce() throws Exception {
        List<Instance> all = start("a", "b", "c");
        ConsumerGroupDescription group = awaitGroup(all);
        assertThat(group.members()).hasSize(3).allSatisfy(m -> assertThat(m.assignment().topicPartitions()).hasSize(1));
        assertThat(group.members().stream().map(MemberDescription::clientId)).containsExactlyInAnyOrder(
                "rxradar-deliver-a", "rxradar-deliver-b", "rxradar-deliver-c");

        clock.set("2026-11-24T06:59:00Z");
        checkAll(all);
        assertThat(byRecipient()).isEmpty();
        clock.set("2026-11-24T07:00:00Z");
        checkUntilAllDelivered(all);
        clock.set("2026-11-24T12:00:00Z");
        checkAll(all);

        Map<String, Integer> got = byRecipient();
        System.out.printf("3 instances, %d subscribers: %d digests, %d subscribers mailed twice; sent by a/b/c: %d/%d/%d%n", SUBSCRIBERS,
                got.values().stream().mapToInt(Integer::intValue).sum(), got.values().stream().filter(n -> n > 1).count(),
                all.get(0).sent.get(), all.get(1).sent.get(), all.get(2).sent.get());
        assertOncePerSubscriber(got);
        for (Instance i : all) {
            // each sent exactly the subscribers of its partition
            int p = i.group.ownedPartitions().iterator().next();
            long mine = java.util.stream.IntStream.rangeClosed(1, SUBSCRIBERS).filter(n -> i.group.partitionOf(id(n)) == p).count();
            assertThat(i.sent.get()).as("digests sent by %s (partition %d)", i.id, p).isEqualTo((int) mine).isPositive();
        }
        // the digests topic is co-partitioned: each digest record in its subscriber's partition of the subscriptions
        Instance a = all.get(0);
        for (int n = 1; n <= SUBSCRIBERS; n++) {
            assertThat(a.digests.partitionOf(id(n))).isEqualTo(a.group.partitionOf(id(n)));
            assertThat(a.digests.find(id(n), LocalDate.of(2026, 11, 24))).get().extracting(DigestRecord::delivery).asString().startsWith("smtp");
        }
        // the next day, with a new item, again once each
        for (Instance i : all) i.items.put(job("Sterile Compounding Technician").settings("hospital").url("https://jobs.example.org/d2").build());
        clock.set("2026-11-25T07:00:00Z");
        checkUntilDelivered(all, 2 * SUBSCRIBERS);
        assertThat(byRecipient()).hasSize(SUBSCRIBERS).allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(2));
    }

    @Test
    void anInstanceStoppedInTheMiddleOfItsSendRunHandsItsSubscribersOverAndNobodyIsMailedTwice() throws Exception {
        List<Instance> all = start("a", "b", "c");
        awaitGroup(all);
        Instance c = all.get(2);
        c.delayMs = 150; // a slow mail server for c: its send run is still going when it stops
        clock.set("2026-11-24T07:00:00Z");

        CompletableFuture<Integer> cRun = CompletableFuture.supplyAsync(c::runDue, threads);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (c.sent.get() < 3 && System.nanoTime() < deadline) Thread.sleep(10);
        Set<Integer> cOwned = c.group.ownedPartitions();
        long t0 = System.nanoTime();
        c.close(); // a clean stop in the middle of the run: the sends in progress finish and are recorded, then c leaves
        int cSent = cRun.get(60, TimeUnit.SECONDS);
        List<Instance> rest = List.of(all.get(0), all.get(1));
        awaitGroup(rest);
        long handover = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        checkUntilAllDelivered(rest);
        Map<String, Integer> got = byRecipient();
        int cMine = (int) java.util.stream.IntStream.rangeClosed(1, SUBSCRIBERS).filter(n -> cOwned.contains(c.group.partitionOf(id(n)))).count();
        System.out.printf("stop mid-run: c sent %d of its %d subscribers before stopping, handover in %d ms; "
                        + "%d digests, %d subscribers mailed twice, %d without a digest%n", cSent, cMine, handover,
                got.values().stream().mapToInt(Integer::intValue).sum(), got.values().stream().filter(n -> n > 1).count(),
                SUBSCRIBERS - got.size());
        assertThat(cSent).as("c stopped in the middle of its run").isBetween(3, cMine - 1);
        assertOncePerSubscriber(got);
        // no intent was left in doubt by the clean stop
        for (int n = 1; n <= SUBSCRIBERS; n++)
            assertThat(all.get(0).digests.find(id(n), LocalDate.of(2026, 11, 24))).get().extracting(DigestRecord::delivery)
                    .asString().startsWith("smtp");
    }

    @Test
    void aCrashedInstancesSubscribersMoveAfterTheSessionTimeoutAndItsSendInDoubtIsNotRepeated() throws Exception {
        List<Instance> all = new ArrayList<>(start("a", "b"));
        Instance c = new Instance("c", DeliverGroup.REVOKE_WAIT, 1);
        all.add(c);
        awaitGroup(all);
        Set<Integer> cOwned = c.group.ownedPartitions();
        c.crashAfterIntents = 4; // kill -9 after its 4th intent: 3 digests sent, the 4th in doubt
        clock.set("2026-11-24T07:00:00Z");
        CompletableFuture<Integer> cRun = CompletableFuture.supplyAsync(c::runDue, threads).exceptionally(e -> -1);
        assertThat(cRun.get(60, TimeUnit.SECONDS)).as("c died in its run").isEqualTo(-1);
        List<Instance> rest = List.of(all.get(0), all.get(1));
        checkAll(rest); // the others go on with their own subscribers meanwhile
        awaitGroup(rest);
        long takeOver = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - c.crashedAt);

        checkUntilDelivered(rest, SUBSCRIBERS - 1);
        Thread.sleep(500);
        checkAll(rest);
        Map<String, Integer> got = byRecipient();
        LocalDate day = LocalDate.of(2026, 11, 24);
        List<String> inDoubt = new ArrayList<>();
        for (int n = 1; n <= SUBSCRIBERS; n++) {
            DigestRecord r = all.get(0).digests.find(id(n), day).orElseThrow();
            if (DigestRecord.UNKNOWN.equals(r.delivery())) inDoubt.add(id(n));
        }
        int cMine = (int) java.util.stream.IntStream.rangeClosed(1, SUBSCRIBERS).filter(n -> cOwned.contains(c.group.partitionOf(id(n)))).count();
        System.out.printf("crash: c (%d subscribers) killed after %d digests and 1 intent; its partitions taken over %d ms after the kill; "
                        + "%d digests, %d subscribers mailed twice, %d without a digest, in doubt: %s%n", cMine, c.sent.get(), takeOver,
                got.values().stream().mapToInt(Integer::intValue).sum(), got.values().stream().filter(n -> n > 1).count(),
                SUBSCRIBERS - got.size(), inDoubt);
        assertThat(got.values()).as("digests per subscriber").allMatch(n -> n == 1);
        assertThat(c.sent.get()).isEqualTo(3);
        assertThat(inDoubt).as("the send the kill interrupted: reported, not repeated").hasSize(1);
        assertThat(got).hasSize(SUBSCRIBERS - 1).doesNotContainKey(inDoubt.get(0) + "@example.org");
        assertThat(takeOver).as("taken over within the session timeout and a rebalance").isLessThan(30_000);
    }

    @Test
    void anInstanceStoppedBeforeTheSendTimeLeavesItsSubscribersToTheOthers() throws Exception {
        List<Instance> all = start("a", "b", "c");
        awaitGroup(all);
        checkAll(all); // 06:00: nothing due
        all.get(1).close();
        List<Instance> rest = List.of(all.get(0), all.get(2));
        awaitGroup(rest);

        clock.set("2026-11-24T07:00:00Z");
        checkUntilAllDelivered(rest);
        assertOncePerSubscriber(byRecipient());
        assertThat(all.get(0).sent.get() + all.get(2).sent.get()).isEqualTo(SUBSCRIBERS);
    }

    @Test
    void aSendClaimedBeforeTheGroupMovedOnCannotRecordItsIntent() throws Exception {
        Instance zombie = new Instance("z", Duration.ofSeconds(1));
        awaitGroup(List.of(zombie));
        zombie.runDue(); // 06:00: takes its partitions over, nothing due
        // a send that z began while it owned everything, and that stalls before its intent (a stuck mail server, a long pause)...
        String late = id(1);
        DeliverStage.Claim claim = zombie.group.claim(late);
        assertThat(claim).isNotNull();

        // ...while the group moves on: a new member joins and the partitions are dealt again; z's rebalance waits for
        // the stuck send (1 s here) and then goes ahead without it
        Instance other = new Instance("y");
        awaitGroup(List.of(zombie, other));

        LocalDate day = LocalDate.of(2026, 11, 24);
        DigestRecord intent = new DigestRecord(DigestRecord.VERSION, late, day, clock.instant(), "<late>", List.of(), 1, 0,
                DigestRecord.SENDING, null);
        // the group coordinator refuses the transaction's offsets of an older generation (KIP-447); the intent is aborted
        assertThatThrownBy(() -> claim.recordIntent(intent)).isInstanceOf(BusException.class).hasMessageContaining("not recorded")
                .cause().isInstanceOfAny(CommitFailedException.class, FencedInstanceIdException.class);
        claim.close();
        assertThat(zombie.digests.find(late, day)).as("no intent recorded").isEmpty();
        assertThat(zombie.stopped.get()).as("a stale claim is not a fenced instance").isNull();

        // and the day goes on: each subscriber mailed once, by whoever owns them now
        clock.set("2026-11-24T07:00:00Z");
        checkUntilAllDelivered(List.of(zombie, other));
        assertOncePerSubscriber(byRecipient());
    }

    @Test
    void aSecondInstanceWithTheSameIdFencesTheFirst() throws Exception {
        Instance first = new Instance("same");
        awaitGroup(List.of(first));
        first.runDue(); // 06:00: takes its partitions over, nothing due
        String s = id(1);
        DeliverStage.Claim claim = first.group.claim(s);
        assertThat(claim).as("first owns everything").isNotNull();

        Instance second = new Instance("same"); // the same RXRADAR_INSTANCE_ID started twice: its producer fences the first's
        DigestRecord intent = new DigestRecord(DigestRecord.VERSION, s, LocalDate.of(2026, 11, 24), clock.instant(), "<same>",
                List.of(), 1, 0, DigestRecord.SENDING, null);
        assertThatThrownBy(() -> claim.recordIntent(intent)).isInstanceOf(BusException.class).hasMessageContaining("fenced");
        claim.close();
        assertThat(first.stopped.get()).startsWith("fenced: another instance with the same id took over");
        assertThat(first.group.health().state().stopped()).startsWith("fenced");
        assertThat(first.group.claim(id(2))).as("a fenced instance claims nothing").isNull();
        assertThat(second.group.health().state().stopped()).isNull();
    }
}
