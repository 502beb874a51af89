package org.rxradar.bus;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What Kafka refuses for the record itself rather than for the moment: a record larger than the
 * producer's {@code max.request.size} (checked by the client before sending) or than the topic's
 * {@code max.message.bytes} (checked by the broker), or an invalid one. Retrying such a record fails
 * the same way forever, so a stage dead-letters it instead; this class tells them apart and
 * measures a record the way the producer does.
 */
public final class RecordLimits {
    private static final StringSerializer KEYS = new StringSerializer();

    private RecordLimits() {}

    /** A v2 record batch's header: base offset 8, length 4, leader epoch 4, magic 1, CRC 4, the rest 40. */
    static final int BATCH_OVERHEAD = 61;
    private static final int VARINT_MAX = 5;
    private static final int VARLONG_MAX = 10;

    /**
     * The size the producer checks against {@code max.request.size}: an upper bound of the record
     * in a batch of its own, uncompressed (the producer measures before compressing). Counted from the
     * record format (KIP-98's v2 batch; lengths as varints at their widest) rather than with the
     * client's own estimate, which is not public API (it moved to an internal package in Kafka 4.4).
     */
    public static int sizeOf(ProducerRecord<String, byte[]> record) {
        byte[] key = record.key() == null ? null : KEYS.serialize(record.topic(), record.key());
        long size = BATCH_OVERHEAD
                + VARINT_MAX // record length
                + 1 // attributes
                + VARLONG_MAX // timestamp delta
                + VARINT_MAX // offset delta
                + VARINT_MAX + (key == null ? 0 : key.length)
                + VARINT_MAX + (record.value() == null ? 0 : record.value().length)
                + VARINT_MAX; // header count
        for (Header h : record.headers().toArray()) {
            size += VARINT_MAX + h.key().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    + VARINT_MAX + (h.value() == null ? 0 : h.value().length);
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    /** True when Kafka refused this record for what it is (size, validity), not for a passing reason. */
    public static boolean refusesRecord(Throwable e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidRecordException || e instanceof InvalidTimestampException;
    }

    /** "1,048,901 bytes": sizes in messages people read. */
    public static String bytes(long n) {
        return String.format(java.util.Locale.ROOT, "%,d bytes", n);
    }
}
