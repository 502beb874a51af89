package org.rxradar.digest;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.rxradar.bus.BusException;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.TopicTail;
import org.rxradar.bus.Topics;
import org.rxradar.model.Subscriber;
import org.rxradar.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers, kept as events in the compacted {@code rxradar.subscriptions} topic (key =
 * subscriber id, value = the subscriber's JSON, a tombstone for removal). Every instance rebuilds
 * the same view by reading the topic; writes go to the topic and come back through the view.
 */
public final class SubscriptionLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionLog.class);

    private final Map<String, Subscriber> view = new ConcurrentHashMap<>();
    private final KafkaProducer<String, byte[]> producer;
    private final TopicTail tail;

    public SubscriptionLog(KafkaClients clients) {
        this.producer = clients.producer("rxradar-subscriptions");
        this.tail = new TopicTail(clients, Topics.SUBSCRIPTIONS, null, this::apply).start();
        tail.awaitCaughtUp(Duration.ofSeconds(60));
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) return;
        if (record.value() == null) {
            view.remove(record.key());
            return;
        }
        try {
            // the same checks as the config file, the CLI and the web form (the constructor's): a record
            // written by an older or foreign writer that fails them is left out alone, with the reason
            Subscriber s = Json.read(record.value(), Subscriber.class);
            view.put(record.key(), s);
        } catch (Exception e) {
            if (e.getCause() instanceof org.rxradar.model.InvalidValueException invalid) {
                view.remove(record.key());
                log.warn("Subscriber record {} left out: {}", record.key(), invalid.getMessage());
                return;
            }
            log.warn("Unreadable subscriber record {}: {}", record.key(), e.getMessage());
        }
    }

    /**
     * Loads the config file's subscribers: new ones are added, known ones take the file's filters
     * but keep their status, so someone who unsubscribed stays unsubscribed.
     */
    public void loadFromConfig(List<Subscriber> configured) {
        for (Subscriber s : configured) {
            Subscriber known = view.get(s.id());
            Subscriber merged = known == null ? s : s.withStatus(known.status());
            if (!merged.equals(known)) put(merged);
        }
        awaitCaughtUp();
    }

    public void put(Subscriber s) {
        send(new ProducerRecord<>(Topics.SUBSCRIPTIONS, s.id(), Json.bytes(s)));
    }

    public void remove(String id) {
        send(new ProducerRecord<>(Topics.SUBSCRIPTIONS, id, null));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            var ack = producer.send(record);
            producer.flush(); // we wait for this one record: do not let it linger for a batch
            ack.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new BusException("cannot write subscriber " + record.key() + ": " + e.getMessage(), e);
        }
    }

    /** Waits until the view holds every write made so far. */
    public void awaitCaughtUp() {
        tail.awaitCaughtUp(Duration.ofSeconds(30));
    }

    public List<Subscriber> all() {
        return view.values().stream().sorted(Comparator.comparing(Subscriber::email)).toList();
    }

    public List<Subscriber> active() {
        return all().stream().filter(Subscriber::confirmed).toList();
    }

    public Optional<Subscriber> find(String idOrEmail) {
        Subscriber byId = view.get(idOrEmail);
        if (byId != null) return Optional.of(byId);
        Subscriber byDerivedId = view.get(Subscriber.idFor(idOrEmail));
        if (byDerivedId != null) return Optional.of(byDerivedId);
        // a subscriber with a configured id is still found by address
        String email = idOrEmail.trim();
        return view.values().stream().filter(s -> s.email() != null && s.email().trim().equalsIgnoreCase(email)).findFirst();
    }

    @Override
    public void close() {
        tail.close();
        producer.close(Duration.ofSeconds(5));
    }
}
