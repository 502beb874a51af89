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
 *                  sent) or "failed" (the mail server refused the address for good)
 * @param error     for "failed": the server's answer
 */
public record DigestRecord(int v, String subscriber, LocalDate period, Instant sent, String messageId,
                           List<String> itemIds, int leads, int news, String delivery, String error) {
    public static final int VERSION = 1;

    public DigestRecord {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
    }

    public static String key(String subscriberId, LocalDate period) {
        return subscriberId + "/" + period;
    }

    public String key() {
        return key(subscriber, period);
    }
}
