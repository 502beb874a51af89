package org.rxradar.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sliding-window limits per key (a client address, a target email): at most {@code count} events
 * in any {@code window}, for every limit given. Memory stays bounded: keys whose events are all
 * older than the longest window are dropped, and past {@code maxKeys} the oldest key goes.
 */
public final class RateLimiter {
    /** At most {@code count} events per {@code window}. */
    public record Limit(int count, Duration window) {
        public Limit {
            if (count < 1) throw new IllegalArgumentException("count must be at least 1");
            Objects.requireNonNull(window, "window");
        }
    }

    private final List<Limit> limits;
    private final Duration longest;
    private final int maxKeys;
    private final Clock clock;
    private final LinkedHashMap<String, Deque<Instant>> events = new LinkedHashMap<>(16, 0.75f, true);

    public RateLimiter(List<Limit> limits, int maxKeys, Clock clock) {
        if (limits.isEmpty()) throw new IllegalArgumentException("no limits");
        this.limits = List.copyOf(limits);
        this.longest = limits.stream().map(Limit::window).max(Comparator.naturalOrder()).orElseThrow();
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /**
     * Records an event for {@code key} when every limit allows it.
     *
     * @return empty when allowed; otherwise how long until it would be
     */
    public synchronized Optional<Duration> tryAcquire(String key) {
        Instant now = clock.instant();
        Deque<Instant> seen = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!seen.isEmpty() && !seen.peekFirst().isAfter(now.minus(longest))) seen.pollFirst();
        Duration wait = Duration.ZERO;
        for (Limit limit : limits) {
            Instant from = now.minus(limit.window());
            int inWindow = 0;
            Instant oldestInWindow = null;
            for (Instant t : seen) {
                if (t.isAfter(from)) {
                    if (oldestInWindow == null) oldestInWindow = t;
                    inWindow++;
                }
            }
            if (inWindow >= limit.count()) {
                // the window frees up when the (inWindow - count + 1)-th oldest event leaves it
                Instant freeing = seen.stream().filter(t -> t.isAfter(from)).skip(inWindow - limit.count()).findFirst().orElse(oldestInWindow);
                Duration w = Duration.between(now, freeing.plus(limit.window()));
                if (w.compareTo(wait) > 0) wait = w;
            }
        }
        if (!wait.isZero()) return Optional.of(wait.isNegative() ? Duration.ofSeconds(1) : wait);
        seen.addLast(now);
        evict(now);
        return Optional.empty();
    }

    private void evict(Instant now) {
        if (events.size() <= maxKeys) return;
        events.values().removeIf(d -> d.isEmpty() || !d.peekLast().isAfter(now.minus(longest)));
        var it = events.entrySet().iterator();
        while (events.size() > maxKeys && it.hasNext()) {
            it.next();
            it.remove(); // access order: the least recently used key first
        }
    }

    synchronized int keys() {
        return events.size();
    }
}
