package org.rxradar.fetch;

import org.rxradar.model.Item;

/** Where the fetch stage hands each new or changed item; the production sink is a Kafka producer. */
@FunctionalInterface
public interface ItemSink {
    void publish(Item item);
}
