package org.rxradar.digest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Subscriber;
import org.rxradar.model.TaggedItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber's digest for one period, from candidates to the mail server: select, render,
 * build the message, send. Which candidates are new to the subscriber, and recording what was
 * sent, are the caller's part. Thread-safe when its mailer is.
 *
 * <p>As the {@link DeliverStage}'s sender, a refusal for good becomes a result to record ({@code failed}).
 */
public final class DigestService implements DeliverStage.Sender, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DigestService.class);

    private final DigestSelector selector;
    private final DigestRenderer renderer;
    private final DigestMessageFactory messages;
    private final Mailer mailer;
    private final boolean sendEmpty;
    private final Clock clock;
    private final WeeklyTrends trends;

    public DigestService(DigestSelector selector, DigestRenderer renderer, DigestMessageFactory messages, Mailer mailer,
                         boolean sendEmpty, Clock clock) {
        this(selector, renderer, messages, mailer, sendEmpty, clock, WeeklyTrends.none());
    }

    /** @param trends the weekly "Trends this week" section (see {@link WeeklyTrends} for which digests carry it) */
    public DigestService(DigestSelector selector, DigestRenderer renderer, DigestMessageFactory messages, Mailer mailer,
                         boolean sendEmpty, Clock clock, WeeklyTrends trends) {
        this.selector = Objects.requireNonNull(selector);
        this.renderer = Objects.requireNonNull(renderer);
        this.messages = Objects.requireNonNull(messages);
        this.mailer = Objects.requireNonNull(mailer);
        this.sendEmpty = sendEmpty;
        this.clock = Objects.requireNonNull(clock);
        this.trends = Objects.requireNonNull(trends);
    }

    /**
     * Everything from the configuration: caps, base URL, sender, secret, SMTP or outbox.
     *
     * @param production true refuses to start without {@code digest.secret}
     */
    public static DigestService fromConfig(RxRadarConfig config, boolean production, Clock clock) {
        return fromConfig(config, production, clock, WeeklyTrends.none());
    }

    /** As {@link #fromConfig(RxRadarConfig, boolean, Clock)}, with the weekly trends section. */
    public static DigestService fromConfig(RxRadarConfig config, boolean production, Clock clock, WeeklyTrends trends) {
        return fromConfig(config, production, clock, trends, 1);
    }

    /**
     * As above, able to send {@code connections} digests at once (one SMTP connection each), for a
     * {@link DeliverStage} with that parallelism.
     */
    public static DigestService fromConfig(RxRadarConfig config, boolean production, Clock clock, WeeklyTrends trends,
                                           int connections) {
        UnsubscribeTokens tokens = UnsubscribeTokens.fromConfig(config.digest().secret(), production);
        DigestRenderer renderer = new DigestRenderer();
        return new DigestService(DigestSelector.fromConfig(config), renderer,
                DigestMessageFactory.fromConfig(config, tokens, renderer, clock),
                connections == 1 ? Mailers.fromConfig(config.mail()) : new MailerPool(connections, () -> Mailers.fromConfig(config.mail())),
                config.digest().sendEmpty(), clock, trends);
    }

    public Mailer mailer() {
        return mailer;
    }

    /** What the digest would contain, without sending anything. */
    public Digest preview(Subscriber subscriber, Collection<TaggedItem> candidates, LocalDate period) {
        return selector.select(subscriber, candidates, period);
    }

    /** The digest as the subscriber would read it (for {@code digest preview --html}). */
    public RenderedDigest render(Digest digest) {
        return renderer.render(digest, messages.unsubscribeUrl(digest.subscriberId()),
                messages.preferencesUrl(digest.subscriberId()), trends.sectionFor(digest.subscriber(), digest.period()));
    }

    /** The full message, as it would be sent. */
    public MimeMessage message(Digest digest) throws MessagingException {
        return messages.create(digest, render(digest));
    }

    /** As {@link #deliver(Subscriber, Collection, LocalDate, BeforeSend)}, with no one to tell before sending. */
    public DeliveryResult deliver(Subscriber subscriber, Collection<TaggedItem> candidates, LocalDate period) throws DeliveryException {
        return deliver(subscriber, candidates, period, BeforeSend.NOTHING);
    }

    /**
     * Selects, renders and sends the subscriber's digest for {@code period}.
     *
     * @param beforeSend told the Message-ID and items once the message is built, just before it is handed to the mailer
     * @throws PermanentDeliveryException the server refused the address for good, it is not a valid
     *                                    address (reply code 0), or the digest could not be built from
     *                                    this subscriber's data (reply code 0): record it on the subscriber
     * @throws DeliveryException          not delivered now (retries spent); nothing was sent, try again later
     */
    public DeliveryResult deliver(Subscriber subscriber, Collection<TaggedItem> candidates, LocalDate period, BeforeSend beforeSend)
            throws DeliveryException {
        String id = SubscriberIds.of(subscriber);
        if (!subscriber.confirmed()) {
            log.debug("no digest for {}: status {}", id, subscriber.status());
            return DeliveryResult.skipped(DeliveryResult.Status.SKIPPED_INACTIVE, id, period, clock.instant());
        }
        Digest digest;
        try {
            digest = preview(subscriber, candidates, period);
        } catch (RuntimeException e) {
            throw cannotBuild(id, period, e);
        }
        if (digest.isEmpty() && !sendEmpty) {
            log.debug("no digest for {} on {}: nothing matched", id, period);
            return DeliveryResult.skipped(DeliveryResult.Status.SKIPPED_EMPTY, id, period, clock.instant());
        }
        MimeMessage message;
        String messageId;
        String subject;
        try {
            message = message(digest);
            messageId = message.getMessageID();
            subject = message.getSubject();
        } catch (IllegalArgumentException e) {
            // an address that is not one will never work: recorded on the subscriber like a 5xx
            throw new PermanentDeliveryException(0, e.getMessage(), e);
        } catch (MessagingException | RuntimeException e) {
            throw cannotBuild(id, period, e);
        }
        beforeSend.sending(messageId, digest.itemIds(), digest.leadCount(), digest.newsCount());
        mailer.send(message, Mailer.label(digest));
        log.info("digest {} for {} sent via {}: {} leads, {} news", period, id, mailer.describe(), digest.leadCount(), digest.newsCount());
        return new DeliveryResult(DeliveryResult.Status.SENT, id, period, messageId, subject, digest.itemIds(),
                digest.leadCount(), digest.newsCount(), mailer.describe(), null, clock.instant());
    }

    /** As {@link #deliver(Subscriber, Collection, LocalDate, BeforeSend)}, with a refusal for good returned as {@code failed}. */
    @Override
    public DeliveryResult send(Subscriber subscriber, List<TaggedItem> candidates, LocalDate period, BeforeSend beforeSend)
            throws DeliveryException {
        try {
            return deliver(subscriber, candidates, period, beforeSend);
        } catch (PermanentDeliveryException e) {
            return DeliveryResult.failed(SubscriberIds.of(subscriber), period, e.getMessage(), clock.instant());
        }
    }

    /**
     * This subscriber's digest cannot be selected or rendered (a bug, or data the renderer cannot
     * take): trying again at every check would fail the same way, so it is a failure of this
     * subscriber for this period, recorded, and the others go on.
     */
    private static PermanentDeliveryException cannotBuild(String id, LocalDate period, Exception e) {
        log.error("digest {} for {} cannot be built", period, id, e);
        return new PermanentDeliveryException(0, "the digest could not be built: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        mailer.close();
    }
}
