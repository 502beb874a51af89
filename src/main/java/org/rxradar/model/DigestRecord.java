package org.rxradar.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One digest sent, as recorded in {@code rxradar.digests} under the key {@link #key()}
 * ({@code subscriber + "/" + period}); the topic is compacted, so the record per period stays.
 *
 * @param period    the subscriber's local date the digest is for
 * @param itemIds   every item included, so that no item is ever in two of one subscriber's digests
 * @param delivery  how it went: the mailer ("smtp …", "outbox …"), "skipped" (nothing new matched, not
 *                  sent), "failed" (the mail server refused the address for good, or the digest could not
 *                  be built), "sending" (the intent, written just before the mail is handed to the server
 *                  and replaced by the result) or "unknown" (a crash came between the two: see
 *                  {@link #SENDING})
 * @param error     for "failed" and "unknown": why
 */
public record DigestRecord(int v, String subscriber, LocalDate period, Instant sent, String messageId,
                           List<String> itemIds, int leads, int news, String delivery, String error) {
    public static final int VERSION = 1;
    /**
     * The intent: this digest (its Message-ID and items fixed) is about to be handed to the mail
     * server. A restart that finds an intent with no result cannot tell whether the server took the
     * mail, does not send it again, and records the period as {@link #UNKNOWN}.
     */
    public static final String SENDING = "sending";
    /** A digest whose send was interrupted: it may or may not have arrived; its items are offered again. */
    public static final String UNKNOWN = "unknown";

    public DigestRecord {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
    }

    public static String key(String subscriberId, LocalDate period) {
        return subscriberId + "/" + period;
    }

    public String key() {
        return key(subscriber, period);
    }

    /** An intent with no result yet ({@link #SENDING}). */
    public boolean isIntent() {
        return SENDING.equals(delivery);
    }

    /** Whether the subscriber is known to have had this digest's items: not for an intent or a digest in doubt. */
    public boolean itemsDelivered() {
        return !isIntent() && !UNKNOWN.equals(delivery);
    }
}
