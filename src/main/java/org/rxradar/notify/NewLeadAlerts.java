package org.rxradar.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.SingleOwnerAssignor;
import org.rxradar.bus.Topics;
import org.rxradar.digest.SubscriberFilter;
import org.rxradar.digest.SubscriptionLog;
import org.rxradar.model.Json;
import org.rxradar.model.Kind;
import org.rxradar.model.NotifyTarget;
import org.rxradar.model.Subscriber;
import org.rxradar.model.TaggedItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code notify-when: new-leads}: reads the tagged topic in its own consumer group and tells each
 * such subscriber's targets about the job leads that match their filters ({@link SubscriberFilter},
 * as the digest does), batched: a target hears at most once per {@link NotifyPolicy#minInterval},
 * what arrives in between waits for the next message.
 *
 * <p>Not sent twice after a restart, not lost: the group's committed offset on each partition stops
 * at the oldest lead still waiting or in flight, so a restart reads again only what was not sent yet,
 * and what a target already had (its recent lead ids in the {@link NotifyLog}) is skipped. The
 * interval counts from the target's last success, also kept there. A new group starts at the end of
 * the topic: alerts are for leads that arrive from then on, not the topic's past.
 *
 * <p>One instance holds every partition ({@link SingleOwnerAssignor}), so the interval holds per
 * target across instances.
 */
public final class NewLeadAlerts implements AutoCloseable {
    public static final String STAGE = "notify";
    private static final Logger log = LoggerFactory.getLogger(NewLeadAlerts.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(1);

    /** A lead waiting for one target, with where it was read (for the offset to commit). */
    private record Waiting(TaggedItem item, TopicPartition partition, long offset) {}

    /** One target's queue; {@code inFlight} while a message is on its way. */
    private static final class Queue {
        final Subscriber subscriber;
        final NotifyTarget target;
        final List<Waiting> waiting = new ArrayList<>();
        List<Waiting> inFlight = List.of();

        Queue(Subscriber subscriber, NotifyTarget target) {
            this.subscriber = subscriber;
            this.target = target;
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final SubscriptionLog subscriptions;
    private final Notifier notifier;
    private final NotifyPolicy policy;
    private final Clock clock;
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private Instant lastCommit = Instant.EPOCH;

    public NewLeadAlerts(KafkaClients clients, SubscriptionLog subscriptions, Notifier notifier, NotifyPolicy policy, Clock clock) {
        this.subscriptions = subscriptions;
        this.notifier = notifier;
        this.policy = policy;
        this.clock = clock;
        this.consumer = clients.consumer(STAGE, "rxradar-notify" + (clients.instanceId() == null ? "" : "-" + clients.instanceId()),
                Map.of(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of(SingleOwnerAssignor.class.getName()),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"));
        consumer.subscribe(List.of(Topics.ITEMS_TAGGED));
        this.thread = new Thread(this::loop, "notify-new-leads");
        thread.setDaemon(true);
    }

    public NewLeadAlerts start() {
        thread.start();
        return this;
    }

    /** Leads waiting (not yet sent, not in flight) for the subscriber's targets, all targets together. */
    public int waiting(String subscriberId) {
        return queues.values().stream().filter(q -> q.subscriber.id().equals(subscriberId)).mapToInt(q -> {
            synchronized (q) {
                return q.waiting.size();
            }
        }).sum();
    }

    /** True once the group has given this instance its partitions and it has a position on each. */
    public boolean assigned() {
        synchronized (positions) {
            return !positions.isEmpty();
        }
    }

    private void loop() {
        while (running) {
            try {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) take(r);
                synchronized (positions) {
                    for (TopicPartition p : consumer.assignment()) positions.put(p, consumer.position(p));
                }
                flush();
                commit(false);
            } catch (WakeupException e) {
                break;
            } catch (org.apache.kafka.common.errors.FencedInstanceIdException e) {
                // another process runs with this instance id and holds the group's place: trying again cannot help
                log.error("New-lead alerts stopped: another RxRadar runs with this instance id ({})", e.getMessage());
                break;
            } catch (KafkaException e) {
                log.warn("New-lead alerts: {}; going on", e.toString());
                sleep(1000);
            } catch (RuntimeException e) {
                log.error("New-lead alerts failed; going on", e);
                sleep(1000);
            }
        }
    }

    private void take(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) return;
        TaggedItem item;
        try {
            item = Json.read(r.value(), TaggedItem.class);
        } catch (Exception e) {
            return; // the tagged topic's own readers report unreadable records
        }
        if (item.kind() != Kind.JOB || !item.relevant() || item.closed() != null) return;
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        for (Subscriber s : subscriptions.active()) {
            if (s.notifyWhen() != Subscriber.NotifyWhen.NEW_LEADS || s.notifyTargets().isEmpty()) continue;
            if (new SubscriberFilter(s).match(item).isEmpty()) continue;
            for (NotifyTarget t : s.notifyTargets()) {
                Queue q = queues.computeIfAbsent(s.id() + "/" + NotifyLog.targetId(t), k -> new Queue(s, t));
                synchronized (q) {
                    if (q.waiting.stream().noneMatch(w -> w.item.id().equals(item.id()))) q.waiting.add(new Waiting(item, tp, r.offset()));
                }
            }
        }
    }

    /** Sends each target's waiting leads when its interval has passed since its last success. */
    private void flush() {
        Instant now = clock.instant();
        for (Map.Entry<String, Queue> e : queues.entrySet()) {
            Queue q = e.getValue();
            Subscriber current = subscriptions.find(q.subscriber.id()).orElse(null);
            synchronized (q) {
                if (!q.inFlight.isEmpty()) continue;
                if (current == null || !current.confirmed() || current.notifyWhen() != Subscriber.NotifyWhen.NEW_LEADS
                        || !current.notifyTargets().contains(q.target)) {
                    q.waiting.clear(); // unsubscribed, or the target removed: nothing more for it
                    continue;
                }
                if (q.waiting.isEmpty()) continue;
                NotifyRecord last = notifier.results().latest(q.subscriber.id(), NotifyLog.targetId(q.target)).orElse(null);
                if (last != null && last.lastSent() != null && last.lastSent().plus(policy.minInterval()).isAfter(now)) continue;
                Set<String> had = last == null ? Set.of() : new HashSet<>(last.sentIds());
                List<Waiting> batch = new ArrayList<>(q.waiting);
                q.waiting.clear();
                List<TaggedItem> leads = new ArrayList<>();
                Set<String> clusters = new HashSet<>();
                for (Waiting w : batch)
                    if (!had.contains(w.item.id()) && clusters.add(w.item.cluster() == null ? w.item.id() : w.item.cluster()))
                        leads.add(w.item);
                if (leads.isEmpty()) continue;
                Alert alert = new Alert(current.id(), current.name(), Alert.NEW_LEADS, leads);
                q.inFlight = batch;
                try {
                    sendInBackground(q, current, alert);
                } catch (RuntimeException refused) {
                    // the pool is shut (stopping): the leads wait again, and the offsets stay before them
                    q.inFlight = List.of();
                    q.waiting.addAll(0, batch);
                    throw refused;
                }
            }
        }
    }

    private void sendInBackground(Queue q, Subscriber current, Alert alert) {
        CompletableFuture.runAsync(() -> notifier.send(current, q.target, alert), notifier.pool())
                .whenComplete((ok, failure) -> {
                    // sent or given up (and recorded): either way these leads are done with
                    synchronized (q) {
                        q.inFlight = List.of();
                    }
                });
    }

    /** Commits, per partition, up to the oldest lead still waiting or in flight (or all that was read). */
    private void commit(boolean force) {
        if (!force && Duration.between(lastCommit, Instant.now()).compareTo(COMMIT_EVERY) < 0) return;
        lastCommit = Instant.now();
        Map<TopicPartition, Long> upTo = new HashMap<>();
        synchronized (positions) {
            for (TopicPartition p : consumer.assignment()) {
                Long pos = positions.get(p);
                if (pos != null) upTo.put(p, pos);
            }
        }
        for (Queue q : queues.values()) {
            synchronized (q) {
                for (List<Waiting> list : List.of(q.waiting, q.inFlight))
                    for (Waiting w : list) upTo.computeIfPresent(w.partition, (p, o) -> Math.min(o, w.offset));
            }
        }
        if (upTo.isEmpty()) return;
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        upTo.forEach((p, o) -> offsets.put(p, new OffsetAndMetadata(o)));
        consumer.commitSync(offsets);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            commit(true);
        } catch (RuntimeException e) {
            log.debug("last commit of new-lead alerts: {}", e.toString());
        }
        KafkaClients.closeLeavingGroup(consumer, Duration.ofSeconds(5));
    }
}
