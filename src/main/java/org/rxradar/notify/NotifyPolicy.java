package org.rxradar.notify;

import java.time.Duration;
import java.util.List;

/**
 * How hard a target is tried and how often it hears from us.
 *
 * @param backoff        the waits before the second, third… try: as many tries as waits plus one
 * @param connectTimeout for one connection
 * @param requestTimeout for one whole try (connect, send, answer)
 * @param maxRetryAfter  a 429's Retry-After is honoured up to this; a longer one ends the tries
 * @param minInterval    new-leads alerts: at most one message per target in this time
 */
public record NotifyPolicy(List<Duration> backoff, Duration connectTimeout, Duration requestTimeout, Duration maxRetryAfter,
                           Duration minInterval) {

    /** Three tries (waits of 1 s and 5 s), 5 s to connect, 15 s per try, Retry-After up to 60 s, one alert per 15 minutes. */
    public static final NotifyPolicy DEFAULT = new NotifyPolicy(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5)),
            Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofMinutes(15));

    public NotifyPolicy {
        backoff = List.copyOf(backoff);
    }

    public int attempts() {
        return backoff.size() + 1;
    }
}
