package org.rxradar.fetch;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the fetch stage remembers about one source between polls and restarts. Mutable, owned by
 * one worker at a time (a source is never fetched twice concurrently).
 */
public final class SourceState {
    /**
     * An item id seen before: the hash of its content and when we may forget it. For job-listing
     * sources also its url and title (for the record that closes it) and when it was found closed.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Seen(String hash, Instant expires, String url, String title, Instant closed) {
        @com.fasterxml.jackson.annotation.JsonCreator
        public Seen {}

        public Seen(String hash, Instant expires) {
            this(hash, expires, null, null, null);
        }

        public Seen closedAt(Instant when) {
            return new Seen(hash, expires, url, title, when);
        }
    }

    public String sourceId;
    public String url;
    public String etag;
    public String lastModified;
    public Map<String, Seen> seen = new HashMap<>();
    /** Job-listing sources: postings read that match no search phrase, with their listing fingerprint. */
    public Map<String, Seen> ignored = new HashMap<>();
    public int consecutiveErrors;
    public String lastError;
    public Instant lastFetched;
    public Instant retryNotBefore;
    public boolean paused;
    public String pauseReason;
    /** Set when the source cannot work as configured; kept in memory only, so a restart with a fixed config retries. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String configProblem;

    public static SourceState fresh(String sourceId, String url) {
        SourceState s = new SourceState();
        s.sourceId = sourceId;
        s.url = url;
        return s;
    }

    Validators validators() {
        return new Validators(etag, lastModified);
    }

    void forgetExpired(Instant now) {
        seen.values().removeIf(s -> s.expires() == null || s.expires().isBefore(now));
        ignored.values().removeIf(s -> s.expires() == null || s.expires().isBefore(now));
    }
}
