package org.rxradar.fetch;

import java.util.List;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Item;

/**
 * Where one poll of a source is stored: the items it publishes and the source's state after it,
 * together. The pipeline's sink ({@link FetchWriter}) writes both in one Kafka transaction, so a
 * crash or a take-over by another instance leaves either both or neither: an item is never marked
 * seen without being published, nor published by two owners.
 */
@FunctionalInterface
public interface PollSink {
    /**
     * Stores a poll; returns once it is stored, throws when it is not (then the source keeps
     * {@code before}, and its next poll publishes the items again).
     *
     * @param before the state the poll started from; a sink that shares sources with other instances
     *               refuses the poll ({@link SourceMovedException}) when that is no longer this
     *               instance's state of the source (taken over, or restored since)
     * @param after  the state once the items are published
     * @param items  new, changed and closed items, in order; may be empty (a state change alone)
     */
    void store(RxRadarConfig.Source source, SourceState before, SourceState after, List<Item> items);

    /**
     * The sink of a fetch stage run without Kafka: the items through {@code items}, acknowledged
     * before the state is saved in {@code states}, so a crash may publish an item again (same id)
     * but never loses one.
     */
    static PollSink local(ItemSink items, FetchStateStore states) {
        return (source, before, after, published) -> {
            for (Item item : published) items.publish(item);
            if (!published.isEmpty()) items.flushOwn(); // stored before remembered as seen
            states.save(after);
        };
    }

    /** The poll's source is no longer this instance's to poll: another instance owns it now. Nothing was stored. */
    final class SourceMovedException extends RuntimeException {
        public SourceMovedException(String message) {
            super(message);
        }
    }
}
