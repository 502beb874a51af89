package org.rxradar.notify;

import java.time.Instant;
import java.util.List;

/**
 * The latest alert to one target of one subscriber, as kept in {@code rxradar.notify}.
 *
 * @param target     the target's kind ({@code webhook}, {@code ntfy}, {@code slack}, {@code discord})
 * @param targetId   a short hash of the URL: the URL itself (a secret for Slack and Discord) is not repeated here
 * @param host       the target's host, to tell targets apart when reading
 * @param event      {@code digest} or {@code new-leads}
 * @param at         when the last try ended
 * @param ok         whether the target took the alert
 * @param status     the last HTTP status, 0 for no answer
 * @param error      why it failed; null when it did not
 * @param items      leads in this alert
 * @param lastSent   when this target last took an alert (kept across failures): the new-leads interval counts from it
 * @param sentIds    the newest lead ids this target has had (bounded): a restart does not send them again
 */
public record NotifyRecord(String subscriberId, String target, String targetId, String host, String event, Instant at,
                           boolean ok, int status, int attempts, String error, int items, Instant lastSent,
                           List<String> sentIds) {
    /** Lead ids remembered per target: more than a day of leads for one subscriber. */
    static final int MAX_SENT_IDS = 1000;

    public NotifyRecord {
        sentIds = sentIds == null ? List.of() : List.copyOf(sentIds);
    }
}
