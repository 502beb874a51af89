package org.rxradar.digest;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rxradar.view.FeedView;
import org.rxradar.model.Subscriber;
import org.rxradar.model.DigestRecord;
import org.rxradar.model.Frequency;
import org.rxradar.model.TaggedItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who gets a digest when, and keeps the books: at each subscriber's send time in their
 * time zone, the items they have not had yet go to the {@link Sender}, and the result is recorded
 * in the digest log before the next subscriber. A send time missed while the app was down is
 * caught up at the next check, once, because the log says whether that period was done.
 *
 * <p>At most once: just before a mail is handed to the server its intent is recorded (delivery
 * {@code sending}, with its Message-ID and items), and the result replaces it after. A crash between
 * the two leaves an intent with no result; the first check after the restart records it as
 * {@code unknown}, logs it, and does not send it again (the server may or may not have taken it);
 * its items are offered again in the subscriber's next digest. With {@code parallelism} n, a crash
 * leaves at most n digests in doubt: those in flight.
 *
 * <p>One subscriber's failure is theirs alone: settings that cannot be read are logged and skipped,
 * a digest that cannot be built or is refused for good is recorded as {@code failed} and not retried
 * that period, and a failure for now (the server unreachable) is logged and retried at the next check.
 *
 * <p>With {@code parallelism} above 1 the due digests of one check are built and sent by that many
 * threads (the sender's mailer must then hold as many connections, see {@link MailerPool}); each
 * digest is still recorded as soon as it is done.
 *
 * <p>Several instances: each delivers only the subscribers its {@link Ownership} says are its own
 * (the deliver group's partitions of {@code rxradar.subscriptions}, see {@link DeliverGroup}), each
 * send under a {@link Claim} that records the intent so that an instance that lost the subscriber
 * meanwhile cannot. Subscribers that came to this instance are taken over at the next check: the
 * digest log is read up to every record written for them (transactions open at that moment
 * included), and an intent found there with no result is in doubt, as after a crash.
 */
public final class DeliverStage {
    private static final Logger log = LoggerFactory.getLogger(DeliverStage.class);
    /**
     * How long a take-over waits for the digest log to settle: a transaction left open by an instance
     * that stopped mid-intent ends when the broker aborts it ({@code transaction.timeout.ms}, 60 s, plus
     * up to 10 s before the broker looks).
     */
    static final java.time.Duration SETTLE_WAIT = java.time.Duration.ofSeconds(90);

    /**
     * Builds, renders and delivers one digest; returns what it did. It tells {@code beforeSend} what it
     * is about to hand to the mail server just before it does; an exception means nothing was sent
     * and the digest is tried again at the next check.
     */
    @FunctionalInterface
    public interface Sender {
        DeliveryResult send(Subscriber subscriber, List<TaggedItem> candidates, LocalDate period, BeforeSend beforeSend) throws Exception;
    }

    /**
     * Which subscribers this instance delivers. {@link #everyone(DigestLog)} for one instance alone
     * (tests, benchmarks); {@link DeliverGroup} where instances share the subscribers.
     */
    public interface Ownership {
        /** Whether this instance delivers this subscriber now (and has taken it over, see {@link #newlyOwned()}). */
        boolean owns(String subscriberId);

        /** The subscriber's partition, in the numbering {@link #newlyOwned()} uses. */
        int partitionOf(String subscriberId);

        /**
         * Partitions that came to this instance since they were last {@link #takenOver}: their
         * subscribers are not delivered (not {@link #owns owned}) until then.
         */
        Set<Integer> newlyOwned();

        /** The stage has read what earlier owners left for these partitions' subscribers. */
        void takenOver(Set<Integer> partitions);

        /**
         * Claims one subscriber for one send, until the claim is closed: null when this instance does
         * not deliver them now. A rebalance that takes the subscriber away waits for open claims (within a bound).
         */
        Claim claim(String subscriberId);

        /** Every subscriber, always; intents are plain acknowledged writes. The first check takes over everything once. */
        static Ownership everyone(DigestLog digests) {
            return new Ownership() {
                private volatile boolean takenOver;

                @Override
                public boolean owns(String subscriberId) {
                    return takenOver;
                }

                @Override
                public int partitionOf(String subscriberId) {
                    return 0;
                }

                @Override
                public Set<Integer> newlyOwned() {
                    return takenOver ? Set.of() : Set.of(0);
                }

                @Override
                public void takenOver(Set<Integer> partitions) {
                    takenOver = true;
                }

                @Override
                public Claim claim(String subscriberId) {
                    return !takenOver ? null : new Claim() {
                        @Override
                        public void recordIntent(DigestRecord intent) {
                            digests.record(intent);
                        }

                        @Override
                        public void close() {}
                    };
                }
            };
        }
    }

    /** One send of one subscriber's digest by this instance; see {@link Ownership#claim}. */
    public interface Claim extends AutoCloseable {
        /**
         * Records the send intent, acknowledged, before the mail is handed over; throws when it is not
         * recorded (this instance lost the subscriber, or the broker did not answer): then nothing may be sent.
         */
        void recordIntent(DigestRecord intent);

        @Override
        void close();
    }

    private final SubscriptionLog subscriptions;
    private final DigestLog digests;
    private final FeedView items;
    private final Sender sender;
    private final Clock clock;
    private final int parallelism;
    private final Ownership ownership;

    public DeliverStage(SubscriptionLog subscriptions, DigestLog digests, FeedView items, Sender sender, Clock clock) {
        this(subscriptions, digests, items, sender, clock, 1);
    }

    /** @param parallelism digests built and sent at once (1: one after the other) */
    public DeliverStage(SubscriptionLog subscriptions, DigestLog digests, FeedView items, Sender sender, Clock clock,
                        int parallelism) {
        this(subscriptions, digests, items, sender, clock, parallelism, Ownership.everyone(digests));
    }

    /** @param ownership which subscribers are this instance's to deliver */
    public DeliverStage(SubscriptionLog subscriptions, DigestLog digests, FeedView items, Sender sender, Clock clock,
                        int parallelism, Ownership ownership) {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        this.parallelism = parallelism;
        this.ownership = ownership;
        this.subscriptions = subscriptions;
        this.digests = digests;
        this.items = items;
        this.sender = sender;
        this.clock = clock;
    }

    /** Sends the digests that are due now; returns how many were sent. */
    public int runDue() {
        takeOver();
        Instant now = clock.instant();
        List<Due> due = new ArrayList<>();
        for (Subscriber s : subscriptions.active()) {
            if (!ownership.owns(s.id())) continue; // another instance's
            try {
                ZonedDateTime local = now.atZone(s.timezone());
                if (!isSendDay(s, local.toLocalDate())) continue;
                if (local.toLocalTime().isBefore(s.sendAt())) continue;
                due.add(new Due(s, local.toLocalDate()));
            } catch (RuntimeException e) {
                // one subscriber that cannot be scheduled must not stop the others' digests
                log.warn("Digest for {} skipped: its settings cannot be read ({})", s.id(), e.getMessage());
            }
        }
        return deliverAll(due);
    }

    /** Sends every active subscriber's digest for today now, whatever their send time ({@code --once}, demo). */
    public int runAllNow() {
        takeOver();
        Instant now = clock.instant();
        List<Due> due = new ArrayList<>();
        for (Subscriber s : subscriptions.active()) {
            if (!ownership.owns(s.id())) continue;
            try {
                due.add(new Due(s, now.atZone(s.timezone()).toLocalDate()));
            } catch (RuntimeException e) {
                log.warn("Digest for {} skipped: its settings cannot be read ({})", s.id(), e.getMessage());
            }
        }
        return deliverAll(due);
    }

    private record Due(Subscriber subscriber, LocalDate period) {}

    private int deliverAll(List<Due> due) {
        if (due.isEmpty()) return 0;
        List<TaggedItem> recent = items.recentlyTagged(); // one snapshot per check, shared by every subscriber
        if (parallelism == 1 || due.size() < 2) {
            int sent = 0;
            for (Due d : due) if (deliver(d.subscriber(), d.period(), recent)) sent++;
            return sent;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, due.size()), r -> new Thread(r, "deliver-worker"));
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Due d : due) results.add(pool.submit(() -> deliver(d.subscriber(), d.period(), recent)));
            int sent = 0;
            for (Future<Boolean> f : results) {
                try {
                    if (f.get()) sent++;
                } catch (ExecutionException e) {
                    // a failed digest is logged and left unrecorded inside deliver(); anything else is the caller's
                    if (e.getCause() instanceof Error err) throw err;
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                }
            }
            return sent;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            pool.shutdownNow();
        }
    }

    static boolean isSendDay(Subscriber s, LocalDate day) {
        return s.frequency().sendsOn(day);
    }

    /**
     * At the first check, and at the first after subscribers came to this instance from another: the
     * digest log is read up to everything written for them (a transaction still open, the intent of
     * an instance that was sending when they moved, is waited for), and the intents with no result
     * become {@code unknown}, so that they are reported (log, {@code subscribers show}), not sent
     * again, and their items offered again. When the log does not settle in time the check fails
     * and the next one tries again; those subscribers wait.
     */
    private void takeOver() {
        Set<Integer> fresh = ownership.newlyOwned();
        if (fresh.isEmpty()) return;
        digests.awaitSettled(SETTLE_WAIT);
        for (DigestRecord intent : digests.intents()) {
            if (!fresh.contains(ownership.partitionOf(intent.subscriber()))) continue;
            String why = "the process stopped while this digest was being sent; it may not have arrived and is not sent again"
                    + " (Message-ID " + intent.messageId() + "); its items are offered again in the next digest";
            digests.record(new DigestRecord(DigestRecord.VERSION, intent.subscriber(), intent.period(), clock.instant(),
                    intent.messageId(), intent.itemIds(), intent.leads(), intent.news(), DigestRecord.UNKNOWN, why));
            log.warn("Digest for {} ({}) in doubt: {}", intent.subscriber(), intent.period(), why);
        }
        ownership.takenOver(fresh);
    }

    /** One subscriber, one period: skipped when already done; the result recorded either way. */
    private boolean deliver(Subscriber s, LocalDate period, List<TaggedItem> recent) {
        if (digests.wasSent(s.id(), period)) return false;
        try (Claim claim = ownership.claim(s.id())) {
            if (claim == null) {
                log.debug("Digest for {} ({}) left to the instance that owns them now", s.id(), period);
                return false;
            }
            return deliver(s, period, recent, claim);
        }
    }

    private boolean deliver(Subscriber s, LocalDate period, List<TaggedItem> recent, Claim claim) {
        Set<String> already = digests.itemsSentTo(s.id());
        List<TaggedItem> candidates = already.isEmpty() ? recent : recent.stream().filter(i -> !already.contains(i.id())).toList();
        AtomicBoolean intentRecorded = new AtomicBoolean();
        BeforeSend intent = (messageId, itemIds, leads, news) -> {
            claim.recordIntent(new DigestRecord(DigestRecord.VERSION, s.id(), period, clock.instant(), messageId, itemIds, leads, news,
                    DigestRecord.SENDING, null));
            intentRecorded.set(true);
        };
        DeliveryResult result;
        try {
            result = sender.send(s, candidates, period, intent);
        } catch (Exception e) {
            // nothing was sent: not recorded, the next check tries again
            log.warn("Digest for {} ({}) not sent now, tried again at the next check: {}", s.id(), period, e.toString());
            if (intentRecorded.get()) withdraw(s, period);
            return false;
        }
        digests.record(result.toRecord(s.id(), clock.instant()));
        if (result.sent()) {
            log.info("Digest for {} ({}): {} leads, {} news -> {}", s.email(), period, result.leadCount(), result.newsCount(), result.delivery());
        } else if (result.status() == DeliveryResult.Status.FAILED) {
            log.warn("Digest for {} ({}) failed for good, not retried this period: {}", s.email(), period, result.error());
        } else {
            log.info("No digest for {} ({}): nothing new matched", s.email(), period);
        }
        return result.sent();
    }

    private void withdraw(Subscriber s, LocalDate period) {
        try {
            digests.withdraw(s.id(), period);
        } catch (RuntimeException e) {
            // the intent stays: this period is in doubt and will not be sent twice
            log.warn("Digest for {} ({}): its send intent could not be withdrawn, so it is not retried: {}", s.id(), period, e.getMessage());
        }
    }
}
