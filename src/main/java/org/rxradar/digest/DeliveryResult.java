package org.rxradar.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.rxradar.model.DigestRecord;

/**
 * What one digest send did: returned by {@link DigestService#deliver} and every
 * {@link DeliverStage.Sender}, and recorded by the {@link DeliverStage} as a {@link DigestRecord}
 * ({@link #toRecord}) in {@code rxradar.digests}.
 *
 * @param messageId  the Message-ID sent; null when nothing was sent
 * @param itemIds    every item id included (cluster members too): never send these to the subscriber again
 * @param delivery   as recorded: the mailer's description ("smtp …", "outbox …"), "skipped" or "failed"
 * @param error      for {@link Status#FAILED}: why
 * @param at         when it was handed to the mailer (or found not to be sent)
 */
public record DeliveryResult(
        Status status,
        String subscriberId,
        LocalDate period,
        String messageId,
        String subject,
        List<String> itemIds,
        int leadCount,
        int newsCount,
        String delivery,
        String error,
        Instant at) {

    public enum Status {
        /** Handed to the mail server (or written to the outbox). */
        SENT,
        /** Nothing matched and {@code digest.send-empty} is off. */
        SKIPPED_EMPTY,
        /** The subscriber is not confirmed (pending or unsubscribed). */
        SKIPPED_INACTIVE,
        /** Refused for good, or the digest could not be built: recorded, not retried this period. */
        FAILED
    }

    static final String SKIPPED = "skipped";
    static final String FAILED = "failed";

    public DeliveryResult {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
    }

    /** Nothing sent: {@code status} is one of the skips. */
    static DeliveryResult skipped(Status status, String subscriberId, LocalDate period, Instant at) {
        return new DeliveryResult(status, subscriberId, period, null, null, List.of(), 0, 0, SKIPPED, null, at);
    }

    /** Nothing sent, for good this period. */
    static DeliveryResult failed(String subscriberId, LocalDate period, String error, Instant at) {
        return new DeliveryResult(Status.FAILED, subscriberId, period, null, null, List.of(), 0, 0, FAILED, error, at);
    }

    public boolean sent() {
        return status == Status.SENT;
    }

    /** As recorded in the digest log for {@code subscriber}, at {@code recordedAt}. */
    public DigestRecord toRecord(String subscriber, Instant recordedAt) {
        return new DigestRecord(DigestRecord.VERSION, subscriber, period, recordedAt, messageId, itemIds, leadCount, newsCount,
                delivery, error);
    }
}
