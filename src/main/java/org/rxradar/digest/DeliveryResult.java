package org.rxradar.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@link DigestService#deliver} did, for the caller to record (topic {@code rxradar.digests},
 * key subscriber + period).
 *
 * @param messageId  the Message-ID sent; null when nothing was sent
 * @param itemIds    every item id included (cluster members too): never send these to the subscriber again
 * @param at         when it was handed to the mailer
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
        Instant at) {

    public enum Status {
        /** Handed to the mail server (or written to the outbox). */
        SENT,
        /** Nothing matched and {@code digest.send-empty} is off. */
        SKIPPED_EMPTY,
        /** The subscriber is not confirmed (pending or unsubscribed). */
        SKIPPED_INACTIVE
    }

    public DeliveryResult {
        itemIds = List.copyOf(itemIds);
    }

    public boolean sent() {
        return status == Status.SENT;
    }
}
