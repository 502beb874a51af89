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
    /** Set when the value is not the whole original: it was cut (or dropped) so the dead letter itself fits Kafka. */
    public static final String VALUE_CUT = "rxradar.value.cut";
    /** Room kept for the headers and the batch around a value that is cut to fit. */
    private static final int CUT_MARGIN = 4096;

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

    /**
     * The dead letter of a record that was never written anywhere (the fetcher refusing an item it
     * built): the bytes it would have sent, why, and the topic it was meant for.
     */
    public static ProducerRecord<String, byte[]> unsent(String intendedTopic, String key, byte[] value, String stage, Throwable why) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.DEADLETTER, key, value);
        Headers h = out.headers();
        put(h, ERROR, why.getMessage() == null ? why.toString() : why.getMessage());
        put(h, ERROR_CLASS, why.getClass().getName());
        put(h, STAGE, stage);
        put(h, ORIGIN_TOPIC, intendedTopic);
        return out;
    }

    /**
     * The dead letter itself must be accepted, or the stage would be stuck on it: when it is larger
     * than {@code maxBytes} (the producer's {@code max.request.size}) only the first part of the
     * value is kept, and {@value #VALUE_CUT} says how much there was.
     */
    public static ProducerRecord<String, byte[]> fitting(ProducerRecord<String, byte[]> deadLetter, int maxBytes) {
        int size = RecordLimits.sizeOf(deadLetter);
        if (size <= maxBytes || deadLetter.value() == null) return deadLetter;
        int keep = Math.max(0, deadLetter.value().length - (size - maxBytes) - CUT_MARGIN);
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(deadLetter.topic(), null, deadLetter.key(),
                java.util.Arrays.copyOf(deadLetter.value(), keep), deadLetter.headers());
        put(out.headers(), VALUE_CUT, "the first " + RecordLimits.bytes(keep) + " of " + RecordLimits.bytes(deadLetter.value().length)
                + " kept, so that the dead letter fits max.request.size (" + RecordLimits.bytes(maxBytes) + ")");
        return out;
    }

    /** A dead letter that was refused in turn (a topic limit below the producer's): its headers without the value. */
    public static ProducerRecord<String, byte[]> withoutValue(ProducerRecord<String, byte[]> deadLetter, Throwable why) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(deadLetter.topic(), null, deadLetter.key(), null, deadLetter.headers());
        int length = deadLetter.value() == null ? 0 : deadLetter.value().length;
        put(out.headers(), VALUE_CUT, "value of " + RecordLimits.bytes(length) + " dropped: "
                + (why.getMessage() == null ? why.toString() : why.getMessage()));
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
