package org.rxradar.bus;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Builds the dead-letter record for a record that could not be processed: the original key and
 * bytes untouched, and why in headers, so that nothing is lost and it can be replayed after a fix.
 */
public final class DeadLetters {
    public static final String ERROR = "rxradar.error";
    public static final String ERROR_CLASS = "rxradar.error.class";
    public static final String STAGE = "rxradar.stage";
    public static final String ORIGIN_TOPIC = "rxradar.origin.topic";
    public static final String ORIGIN_PARTITION = "rxradar.origin.partition";
    public static final String ORIGIN_OFFSET = "rxradar.origin.offset";

    private DeadLetters() {}

    public static ProducerRecord<String, byte[]> of(ConsumerRecord<String, byte[]> original, String stage, Throwable why) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.DEADLETTER, original.key(), original.value());
        Headers h = out.headers();
        original.headers().forEach(h::add); // keep whatever the producer attached
        put(h, ERROR, why.getMessage() == null ? why.toString() : why.getMessage());
        put(h, ERROR_CLASS, why.getClass().getName());
        put(h, STAGE, stage);
        put(h, ORIGIN_TOPIC, original.topic());
        put(h, ORIGIN_PARTITION, String.valueOf(original.partition()));
        put(h, ORIGIN_OFFSET, String.valueOf(original.offset()));
        return out;
    }

    private static void put(Headers headers, String key, String value) {
        String bounded = value.length() > 2000 ? value.substring(0, 2000) + "…" : value;
        headers.remove(key);
        headers.add(key, bounded.getBytes(StandardCharsets.UTF_8));
    }

    public static String header(Headers headers, String key) {
        var h = headers.lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
