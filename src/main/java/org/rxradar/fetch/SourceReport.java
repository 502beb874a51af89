package org.rxradar.fetch;

import java.time.Duration;

/**
 * What one fetch of one source did.
 *
 * @param found      items the document yielded (after validThrough and duplicate filtering)
 * @param published  items handed to the sink, new and updated
 * @param updated    of those, items seen before whose content changed
 * @param message    the error, or why nothing was found; null when all is well
 * @param retryAfter the delay the server asked for, or null
 * @param closed     job-listing sources: postings found closed and published as such
 */
public record SourceReport(String sourceId, Status status, int found, int published, int updated, String message,
                           Duration retryAfter, int closed) {

    /**
     * CONFIG: the source cannot work as configured (a missing or refused API key); paused until a restart.
     * NOT_STORED: fetched, but its items and state could not be stored (Kafka failed, or a rebalance
     * came first): nothing of the poll counts, and the source is polled again soon.
     */
    public enum Status { OK, NOT_MODIFIED, ERROR, GONE, PAUSED, DISALLOWED, SKIPPED, CONFIG, NOT_STORED }

    public SourceReport(String sourceId, Status status, int found, int published, int updated, String message,
                        Duration retryAfter) {
        this(sourceId, status, found, published, updated, message, retryAfter, 0);
    }

    public boolean failed() {
        return status == Status.ERROR || status == Status.GONE || status == Status.DISALLOWED || status == Status.CONFIG
                || status == Status.NOT_STORED;
    }

    static SourceReport error(String sourceId, Status status, String message, Duration retryAfter) {
        return new SourceReport(sourceId, status, 0, 0, 0, message, retryAfter);
    }
}
