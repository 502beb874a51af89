package org.rxradar.digest;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.TopicTail;
import org.rxradar.bus.Topics;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.view.FeedView;
import org.rxradar.model.Subscriber;
import org.rxradar.model.DigestRecord;
import org.rxradar.model.Json;
import org.rxradar.model.TaggedItem;
import org.rxradar.trend.TrendSnapshot;
import org.rxradar.trend.TrendStage;
import org.rxradar.trend.TrendStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a subscriber's next digest would contain, read from the topics exactly as the deliver stage
 * sees them (subscribers, digest log, the last 14 days of tagged items, the trend snapshots), and
 * rendered without sending or recording anything.
 */
public final class DigestPreview implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DigestPreview.class);
    /** The same window the pipeline keeps for its digests. */
    public static final Duration LOOKBACK = Duration.ofDays(14);

    /**
     * @param period       the digest's day in the subscriber's time zone
     * @param candidates   items of the window not yet in one of the subscriber's digests
     * @param recorded     the digest log's record for this period, when that digest was already done
     */
    public record Result(Subscriber subscriber, LocalDate period, Digest digest, RenderedDigest rendered,
                         int candidates, Optional<DigestRecord> recorded) {
        public boolean active() {
            return subscriber.confirmed();
        }
    }

    private final RxRadarConfig cfg;
    private final SubscriptionLog subscriptions;
    private final DigestLog digests;
    private final FeedView items;
    private final DigestService service;
    private final Clock clock;

    private DigestPreview(RxRadarConfig cfg, SubscriptionLog subscriptions, DigestLog digests, FeedView items,
                          DigestService service, Clock clock) {
        this.cfg = cfg;
        this.subscriptions = subscriptions;
        this.digests = digests;
        this.items = items;
        this.service = service;
        this.clock = clock;
    }

    /** Reads the topics once (subscribers, digest log, tagged items, trends); nothing is written. */
    public static DigestPreview open(KafkaClients clients, RxRadarConfig cfg, Clock clock) {
        SubscriptionLog subscriptions = new SubscriptionLog(clients);
        DigestLog digests = null;
        try {
            digests = new DigestLog(clients);
            FeedView items = new FeedView(LOOKBACK, FeedView.DEFAULT_MAX_ITEMS, clock);
            readTagged(clients, items);
            TrendStore trends = readTrends(clients);
            DigestRenderer renderer = new DigestRenderer();
            // production = false: a preview signs unsubscribe links but is never mailed, so no secret is required
            UnsubscribeTokens tokens = UnsubscribeTokens.fromConfig(cfg.digest().secret(), false);
            DigestService service = new DigestService(DigestSelector.fromConfig(cfg), renderer,
                    DigestMessageFactory.fromConfig(cfg, tokens, renderer, clock), new NotSending(), true, clock,
                    WeeklyTrends.from(trends, clock));
            return new DigestPreview(cfg, subscriptions, digests, items, service, clock);
        } catch (RuntimeException e) {
            if (digests != null) digests.close();
            subscriptions.close();
            throw e;
        }
    }

    private static void readTagged(KafkaClients clients, FeedView items) {
        try (TopicTail tail = new TopicTail(clients, Topics.ITEMS_TAGGED, LOOKBACK, r -> add(items, r)).start()) {
            tail.awaitCaughtUp(Duration.ofMinutes(2));
        }
    }

    private static void add(FeedView items, ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) return;
        try {
            items.put(Json.read(r.value(), TaggedItem.class));
        } catch (Exception e) {
            log.warn("Unreadable tagged item {} skipped: {}", r.key(), e.getMessage());
        }
    }

    private static TrendStore readTrends(KafkaClients clients) {
        List<TrendSnapshot> snapshots = TrendStage.readSnapshots(clients);
        TrendStore store = new TrendStore();
        synchronized (snapshots) {
            store.restore(snapshots);
        }
        return store;
    }

    /** The subscriber from the subscription topic, else from the configuration file. */
    public Optional<Subscriber> find(String emailOrId) {
        String key = emailOrId.trim();
        Optional<Subscriber> known = subscriptions.find(key);
        if (known.isPresent()) return known;
        return cfg.subscribers().stream()
                .filter(s -> key.equals(s.id()) || key.equalsIgnoreCase(s.email() == null ? "" : s.email().trim()))
                .findFirst();
    }

    /** Every known address, for the error message when one is not found. */
    public List<String> knownEmails() {
        List<String> all = new ArrayList<>(subscriptions.all().stream().map(Subscriber::email).toList());
        cfg.subscribers().stream().map(Subscriber::email).filter(e -> !all.contains(e)).forEach(all::add);
        return all;
    }

    /**
     * @param date the period to preview; null for the subscriber's next digest: the first send day,
     *             from today in their time zone, whose digest is not recorded yet
     * @return empty when no such subscriber is known
     */
    public Optional<Result> preview(String emailOrId, LocalDate date) {
        Optional<Subscriber> found = find(emailOrId);
        if (found.isEmpty()) return Optional.empty();
        Subscriber s = found.get();
        LocalDate period = date != null ? date : nextPeriod(s);
        Set<String> already = digests.itemsSentTo(s.id());
        List<TaggedItem> candidates = items.recentlyTagged().stream().filter(i -> !already.contains(i.id())).toList();
        Digest digest = service.preview(s, candidates, period);
        Optional<DigestRecord> recorded = digests.history(s.id()).stream().filter(r -> r.period().equals(period)).findFirst();
        return Optional.of(new Result(s, period, digest, service.render(digest), candidates.size(), recorded));
    }

    private LocalDate nextPeriod(Subscriber s) {
        LocalDate day = clock.instant().atZone(s.timezone()).toLocalDate();
        for (int i = 0; i < 8; i++, day = day.plusDays(1)) {
            if (DeliverStage.isSendDay(s, day) && !digests.wasSent(s.id(), day)) return day;
        }
        return day;
    }

    /** The full message as it would be sent (headers included), for a preview saved as .eml. */
    public MimeMessage message(Digest digest) throws jakarta.mail.MessagingException {
        return service.message(digest);
    }

    public int itemCount() {
        return items.taggedSize();
    }

    @Override
    public void close() {
        digests.close();
        subscriptions.close();
    }

    /** A preview never sends: a mailer that refuses, in case anything ever tried. */
    private static final class NotSending implements Mailer {
        @Override
        public void send(MimeMessage message, String label) {
            throw new IllegalStateException("a preview does not send mail");
        }

        @Override
        public String describe() {
            return "preview (not sent)";
        }
    }
}
