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
 */
public record SourceReport(String sourceId, Status status, int found, int published, int updated, String message,
                           Duration retryAfter) {

    public enum Status { OK, NOT_MODIFIED, ERROR, GONE, PAUSED, DISALLOWED, SKIPPED }

    public boolean failed() {
        return status == Status.ERROR || status == Status.GONE || status == Status.DISALLOWED;
    }

    static SourceReport error(String sourceId, Status status, String message, Duration retryAfter) {
        return new SourceReport(sourceId, status, 0, 0, 0, message, retryAfter);
    }
}
