package org.rxradar.fetch;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the fetch stage remembers about one source between polls and restarts. Mutable, owned by
 * one worker at a time (a source is never fetched twice concurrently).
 */
public final class SourceState {
    /** An item id seen before: the hash of its content and when we may forget it. */
    public record Seen(String hash, Instant expires) {}

    public String sourceId;
    public String url;
    public String etag;
    public String lastModified;
    public Map<String, Seen> seen = new HashMap<>();
    public int consecutiveErrors;
    public String lastError;
    public Instant lastFetched;
    public Instant retryNotBefore;
    public boolean paused;
    public String pauseReason;

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
    }
}
