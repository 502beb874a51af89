package org.rxradar.trend;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.TopicTail;
import org.rxradar.bus.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trends an instance serves ({@code /trends}, the digest's weekly section): a {@link TrendStore}
 * that follows the daily snapshots in {@code rxradar.trends}, whichever instance counts them. Only
 * one instance counts (the {@link TrendStage} that owns the tagged topic's partitions); every
 * instance, that one included, reads what it publishes, so all show the same counts, and they stay
 * right when the owner changes. A snapshot is seen here once its transaction commits (a few hundred
 * milliseconds after the owner counted it).
 */
public final class TrendView implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrendView.class);

    private final TrendStore store;
    private final TopicTail tail;

    private TrendView(KafkaClients clients, TrendStore store) {
        this.store = store;
        this.tail = new TopicTail(clients, Topics.TRENDS, null, this::apply);
    }

    /** Reads {@code rxradar.trends} from its beginning into {@code store}, and keeps following it. */
    public static TrendView follow(KafkaClients clients, TrendStore store) {
        TrendView view = new TrendView(clients, store);
        view.tail.start();
        return view;
    }

    public TrendStore store() {
        return store;
    }

    /** Waits until every snapshot committed before this call is in the store. */
    public void awaitCaughtUp(Duration timeout) {
        tail.awaitCaughtUp(timeout);
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            try {
                store.remove(LocalDate.parse(record.key()));
            } catch (DateTimeParseException | NullPointerException e) {
                log.warn("Trend tombstone with a key that is no day skipped: {}", record.key());
            }
            return;
        }
        try {
            store.apply(TrendSnapshot.fromJson(record.value()));
        } catch (Exception e) {
            log.warn("Unreadable trend snapshot {} skipped: {}", record.key(), e.getMessage());
        }
    }

    @Override
    public void close() {
        tail.close();
    }
}
