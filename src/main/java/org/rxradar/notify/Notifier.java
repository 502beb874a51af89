package org.rxradar.notify;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.rxradar.model.NotifyTarget;
import org.rxradar.model.Subscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alerts to a subscriber's notify targets, each target on its own pool thread: a target that
 * hangs or fails holds up neither the email (the caller does not wait) nor the other targets. Every
 * result, after the last try, is written to the {@link NotifyLog}.
 */
public final class Notifier implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    /** Targets served at once; a hanging one holds one thread for at most its tries' time. */
    static final int THREADS = 4;

    private final Payloads payloads;
    private final TargetClient client;
    private final NotifyLog results;
    private final Supplier<String> baseUrl;
    private final Clock clock;
    private final ExecutorService pool;

    /**
     * @param secret  {@code digest.secret}, which signs webhook bodies
     * @param baseUrl the server's public base URL: a target there is refused (it would loop back)
     */
    public Notifier(String secret, NotifyPolicy policy, NotifyLog results, Supplier<String> baseUrl, Clock clock) {
        this.payloads = new Payloads(new Signature(secret));
        this.client = new TargetClient(policy);
        this.results = Objects.requireNonNull(results);
        this.baseUrl = Objects.requireNonNull(baseUrl);
        this.clock = Objects.requireNonNull(clock);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "notify-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The threads alerts are sent on (the new-lead alerts queue there too). */
    java.util.concurrent.Executor pool() {
        return pool;
    }

    public NotifyLog results() {
        return results;
    }

    /** Sends {@code alert} to every target of the subscriber, in the background; the future ends when all have answered or given up. */
    public CompletableFuture<Void> notifyAll(Subscriber subscriber, Alert alert) {
        List<CompletableFuture<Delivery>> all = new ArrayList<>();
        for (NotifyTarget t : new LinkedHashSet<>(subscriber.notifyTargets()))
            all.add(CompletableFuture.supplyAsync(() -> send(subscriber, t, alert), pool));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** Sends {@code alert} to one target now, records the result and returns it. Never throws for the target's failure. */
    public Delivery send(Subscriber subscriber, NotifyTarget target, Alert alert) {
        Delivery d;
        if (target.pointsAt(baseUrl.get())) {
            d = new Delivery(false, 0, 0, target.key() + ": points at this server (" + baseUrl.get() + "); not sent");
        } else {
            try {
                d = client.post(target.uri(), payloads.build(target.kind(), alert, clock.instant()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                d = new Delivery(false, 0, 0, "stopped before an answer (shutting down)");
            } catch (RuntimeException e) {
                d = new Delivery(false, 0, 0, "cannot send: " + e);
            }
        }
        String id = NotifyLog.targetId(target);
        if (d.ok()) log.info("Alert ({}, {} leads) to {} {} of {}: sent", alert.event(), alert.leads().size(), target.key(), id, subscriber.id());
        else log.warn("Alert ({}, {} leads) to {} {} of {} failed after {} tries: {}", alert.event(), alert.leads().size(),
                target.key(), id, subscriber.id(), d.attempts(), d.error());
        record(subscriber, target, alert, d);
        return d;
    }

    private void record(Subscriber subscriber, NotifyTarget target, Alert alert, Delivery d) {
        String id = NotifyLog.targetId(target);
        try {
            NotifyRecord before = results.latest(subscriber.id(), id).orElse(null);
            List<String> sent = new ArrayList<>(before == null ? List.of() : before.sentIds());
            if (d.ok()) {
                sent.addAll(alert.itemIds());
                if (sent.size() > NotifyRecord.MAX_SENT_IDS) sent = sent.subList(sent.size() - NotifyRecord.MAX_SENT_IDS, sent.size());
            }
            var now = clock.instant();
            results.record(new NotifyRecord(subscriber.id(), target.key(), id, target.uri().getHost(), alert.event(), now, d.ok(),
                    d.status(), d.attempts(), d.error(), alert.leads().size(), d.ok() ? now : before == null ? null : before.lastSent(),
                    sent));
        } catch (RuntimeException e) {
            log.warn("The alert result for {} of {} could not be recorded: {}", id, subscriber.id(), e.getMessage());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
