package org.rxradar.fetch;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the fetch stage remembers about one source between polls and restarts, kept in the compacted
 * {@code rxradar.fetch.state} topic (see {@link StateRecords}). Mutable, but a poll works on a
 * {@link #copy()} that replaces the state only once the poll is stored, so a poll that is not stored
 * (a failed transaction, the source taken over by another instance) leaves no trace.
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
    /** Set when the state came from somewhere other than its topic (an earlier version's file): stored with the next poll. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    boolean unstored;
    /** How many extra records (parts) of this state the state topic holds: those a smaller state no longer needs get tombstones. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    int storedParts;

    public static SourceState fresh(String sourceId, String url) {
        SourceState s = new SourceState();
        s.sourceId = sourceId;
        s.url = url;
        return s;
    }

    /** An independent copy (the seen maps copied; their entries are immutable). */
    public SourceState copy() {
        SourceState c = new SourceState();
        c.sourceId = sourceId;
        c.url = url;
        c.etag = etag;
        c.lastModified = lastModified;
        c.seen = new HashMap<>(seen);
        c.ignored = new HashMap<>(ignored);
        c.consecutiveErrors = consecutiveErrors;
        c.lastError = lastError;
        c.lastFetched = lastFetched;
        c.retryNotBefore = retryNotBefore;
        c.paused = paused;
        c.pauseReason = pauseReason;
        c.configProblem = configProblem;
        c.unstored = unstored;
        c.storedParts = storedParts;
        return c;
    }

    /**
     * The state for the source at {@code newUrl}: a new URL is a new source as far as validators and
     * pausing go (so changing a paused source's URL in the config resumes it); seen ids stay, so
     * nothing is published again. Returns this state, changed when the URL differs.
     */
    SourceState forUrl(String newUrl) {
        if (newUrl == null || newUrl.equals(url)) return this;
        url = newUrl;
        etag = null;
        lastModified = null;
        paused = false;
        pauseReason = null;
        consecutiveErrors = 0;
        return this;
    }

    Validators validators() {
        return new Validators(etag, lastModified);
    }

    void forgetExpired(Instant now) {
        seen.values().removeIf(s -> s.expires() == null || s.expires().isBefore(now));
        ignored.values().removeIf(s -> s.expires() == null || s.expires().isBefore(now));
    }
}
