package org.rxradar.fetch;

import org.rxradar.model.Item;

/** Where the fetch stage hands each new or changed item; the production sink is a Kafka producer. */
@FunctionalInterface
public interface ItemSink {
    /** Hands over an item; may return before the item is stored (asynchronous sinks). */
    void publish(Item item);

    /**
     * Returns once every item handed over so far is stored, or throws. A source's seen ids are
     * saved only after this, so a crash never marks as seen an item that was not stored.
     */
    default void flush() {}

    /**
     * Returns once every item the calling thread handed over is stored, or throws. A source is
     * polled start to end by one thread, so this confirms that source's items without waiting for
     * those other sources are publishing at the same time. By default the same as {@link #flush()}.
     */
    default void flushOwn() {
        flush();
    }
}
