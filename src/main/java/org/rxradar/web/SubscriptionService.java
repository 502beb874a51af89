package org.rxradar.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.rxradar.model.Subscriber;
import org.rxradar.digest.Mailer;
import org.rxradar.digest.SubscriptionLog;
import org.rxradar.digest.UnsubscribeTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribing without an operator: a request makes a {@code pending} subscriber and mails a signed
 * confirmation link; the link makes it {@code confirmed}; an unsubscribe token makes it
 * {@code unsubscribed} (kept, not removed, so a config reload does not bring it back).
 *
 * <p>Mails go out on one background thread, so a slow SMTP server never holds a web request, and
 * at most {@link #PER_EMAIL_LIMITS} per address, so the form cannot be used to flood someone's
 * inbox. A confirmed address is never set back to pending; it gets an "already subscribed" note
 * instead, and the web answer is the same either way, so the form does not tell who subscribes.
 */
public final class SubscriptionService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);
    public static final List<RateLimiter.Limit> PER_EMAIL_LIMITS = List.of(
            new RateLimiter.Limit(1, Duration.ofMinutes(10)), new RateLimiter.Limit(3, Duration.ofDays(1)));

    /** What a confirmation link did. */
    public enum Confirmation { CONFIRMED, ALREADY_CONFIRMED, EXPIRED, INVALID, PENDING }

    private final SubscriptionLog subscriptions;
    private final ConfirmationTokens confirmTokens;
    private final UnsubscribeTokens unsubscribeTokens;
    private final Mailer mailer;
    private final ConfirmationMail mail;
    private final Supplier<String> baseUrl;
    private final RateLimiter perEmail;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ThreadPoolExecutor sender;

    /**
     * @param baseUrl the public base of links, asked when a mail is written (the port may be known only after start)
     */
    public SubscriptionService(SubscriptionLog subscriptions, ConfirmationTokens confirmTokens, UnsubscribeTokens unsubscribeTokens,
                               Mailer mailer, String from, Supplier<String> baseUrl, RateLimiter perEmail, Clock clock,
                               MeterRegistry metrics) {
        this.subscriptions = subscriptions;
        this.confirmTokens = confirmTokens;
        this.unsubscribeTokens = unsubscribeTokens;
        this.mailer = mailer;
        this.mail = new ConfirmationMail(from, clock);
        this.baseUrl = baseUrl;
        this.perEmail = perEmail;
        this.clock = clock;
        this.metrics = metrics;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), r -> {
            Thread t = new Thread(r, "confirmation-mail");
            t.setDaemon(true);
            return t;
        });
    }

    /** Records the request and queues the right mail; answers nothing about the address's state. */
    public void subscribe(SubscriptionForm form) {
        Optional<Subscriber> known = findByEmail(form.email());
        if (known.isPresent() && known.get().confirmed()) {
            Subscriber s = known.get();
            queue("already", s, () -> mail.alreadySubscribed(s, unsubscribeUrl(s.id())));
            return;
        }
        Subscriber pending = form.toSubscriber("pending");
        if (known.isPresent() && !known.get().id().equals(pending.id())) pending = withId(pending, known.get().id());
        subscriptions.put(pending);
        Subscriber s = pending;
        queue("confirm", s, () -> mail.confirm(s, confirmUrl(s.id())));
    }

    /**
     * What {@link #confirm} would do with the token, changing nothing: {@code PENDING} when it would
     * confirm. The confirmation page asks this before it offers its button.
     */
    public Confirmation check(String token) {
        return pendingFor(token).map(s -> Confirmation.PENDING).orElseGet(() -> lastCheck(token));
    }

    /** The subscriber a valid confirmation token would confirm (its address, for the page to name). */
    public Optional<String> confirmationEmail(String token) {
        return pendingFor(token).map(Subscriber::email);
    }

    private Confirmation lastCheck(String token) {
        ConfirmationTokens.Check check = confirmTokens.check(token);
        if (check instanceof ConfirmationTokens.Check.Expired) return Confirmation.EXPIRED;
        if (!(check instanceof ConfirmationTokens.Check.Valid valid)) return Confirmation.INVALID;
        Optional<Subscriber> s = subscriptions.find(valid.subscriberId());
        if (s.isPresent() && s.get().confirmed()) return Confirmation.ALREADY_CONFIRMED;
        return Confirmation.INVALID;
    }

    // only a pending request is confirmed: an old link must not undo a later unsubscribe
    private Optional<Subscriber> pendingFor(String token) {
        if (!(confirmTokens.check(token) instanceof ConfirmationTokens.Check.Valid valid)) return Optional.empty();
        return subscriptions.find(valid.subscriberId()).filter(s -> s.status() == Subscriber.Status.PENDING);
    }

    public Confirmation confirm(String token) {
        Optional<Subscriber> s = pendingFor(token);
        if (s.isEmpty()) return lastCheck(token);
        subscriptions.put(s.get().withStatus(Subscriber.Status.CONFIRMED));
        subscriptions.awaitCaughtUp();
        count("rxradar.subscriptions.confirmed");
        log.info("Subscriber {} confirmed", s.get().id());
        return Confirmation.CONFIRMED;
    }

    /** @return false when the token is not one of ours */
    public boolean unsubscribe(String token) {
        Optional<String> id = unsubscribeTokens.verify(token);
        if (id.isEmpty()) return false;
        Optional<Subscriber> s = subscriptions.find(id.get());
        if (s.isPresent() && s.get().status() != Subscriber.Status.UNSUBSCRIBED) {
            subscriptions.put(s.get().withStatus(Subscriber.Status.UNSUBSCRIBED));
            subscriptions.awaitCaughtUp();
            count("rxradar.subscriptions.unsubscribed");
            log.info("Subscriber {} unsubscribed", id.get());
        }
        return true;
    }

    /** The address an unsubscribe token stands for, when the token is ours and the subscriber known. */
    public Optional<String> unsubscribeEmail(String token) {
        return unsubscribeTokens.verify(token).flatMap(subscriptions::find).map(Subscriber::email);
    }

    /** Where confirmation mails go when no SMTP server is configured; empty when they are sent. */
    public Optional<java.nio.file.Path> outbox() {
        return mailer instanceof org.rxradar.digest.OutboxMailer o ? Optional.of(o.outbox()) : Optional.empty();
    }

    public boolean isUnsubscribeToken(String token) {
        return unsubscribeTokens.verify(token).isPresent();
    }

    String confirmUrl(String id) {
        return baseUrl.get() + "/subscriptions/confirm?token=" + URLEncoder.encode(confirmTokens.tokenFor(id), StandardCharsets.UTF_8);
    }

    String unsubscribeUrl(String id) {
        return baseUrl.get() + "/unsubscribe?token=" + URLEncoder.encode(unsubscribeTokens.tokenFor(id), StandardCharsets.UTF_8);
    }

    private Optional<Subscriber> findByEmail(String email) {
        Optional<Subscriber> byId = subscriptions.find(email);
        if (byId.isPresent()) return byId;
        // a subscriber from the config file may carry an id of its own
        return subscriptions.all().stream().filter(s -> s.email().trim().equalsIgnoreCase(email)).findFirst();
    }

    private static Subscriber withId(Subscriber s, String id) {
        return s.toBuilder().id(id).build();
    }

    @FunctionalInterface
    private interface MessageSource {
        MimeMessage build() throws MessagingException;
    }

    private void queue(String kind, Subscriber s, MessageSource message) {
        if (perEmail.tryAcquire(s.email().toLowerCase(Locale.ROOT)).isPresent()) {
            log.info("No {} mail to {}: it had one recently", kind, s.id());
            countMail(kind, "rate_limited");
            return;
        }
        try {
            sender.execute(() -> send(kind, s, message));
        } catch (RejectedExecutionException e) {
            log.warn("No {} mail to {}: the mail queue is full", kind, s.id());
            countMail(kind, "dropped");
        }
    }

    private void send(String kind, Subscriber s, MessageSource message) {
        try {
            // the label names the outbox file and log lines: the day, the purpose and the subscriber
            mailer.send(message.build(), LocalDate.now(clock.withZone(ZoneOffset.UTC)) + "-" + kind + "-" + s.id());
            countMail(kind, "sent");
            log.info("{} mail sent to subscriber {} via {}", kind, s.id(), mailer.describe());
        } catch (Exception e) {
            countMail(kind, "failed");
            log.warn("{} mail to subscriber {} failed: {}", kind, s.id(), e.toString());
        }
    }

    private void count(String name) {
        if (metrics != null) metrics.counter(name).increment();
    }

    private void countMail(String kind, String outcome) {
        if (metrics != null) metrics.counter("rxradar.subscriptions.mails", "kind", kind, "outcome", outcome).increment();
    }

    /** Waits for queued mails (tests, shutdown). */
    public boolean awaitMailsSent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sender.getActiveCount() > 0 || !sender.getQueue().isEmpty()) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(10, TimeUnit.SECONDS)) sender.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sender.shutdownNow();
        }
        mailer.close();
    }
}
