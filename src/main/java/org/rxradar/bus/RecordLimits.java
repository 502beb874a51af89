package org.rxradar.bus;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
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

    /**
     * The size the producer checks against {@code max.request.size}: an upper bound of the record
     * in a batch of its own, uncompressed (the producer measures before compressing).
     */
    public static int sizeOf(ProducerRecord<String, byte[]> record) {
        byte[] key = record.key() == null ? null : KEYS.serialize(record.topic(), record.key());
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE, key,
                record.value(), record.headers().toArray());
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
