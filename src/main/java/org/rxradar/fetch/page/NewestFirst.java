package org.rxradar.fetch.page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The {@code capacity} newest job pages among those offered, in bounded memory: a sitemap of 50,000
 * new URLs keeps only the pages this poll will read. Pages without a lastmod come last; among equals,
 * the one listed first wins.
 */
final class NewestFirst<T> {
    /** One page waiting to be read; {@code order} is its place in the sitemaps. */
    record Candidate<T>(T value, Instant modified, long order) {}

    // best first: newest modified, then earliest listed
    private static final Comparator<Candidate<?>> BEST_FIRST = Comparator
            .comparing((Candidate<?> c) -> c.modified(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparingLong(Candidate::order);

    private final int capacity;
    // worst at the head, so the one to give up is at hand
    private final PriorityQueue<Candidate<T>> kept = new PriorityQueue<>(BEST_FIRST.reversed());
    private long offered;

    NewestFirst(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        this.capacity = capacity;
    }

    /** Offers a page; returns the one that no longer fits this poll (possibly {@code value} itself), or null. */
    T offer(T value, Instant modified) {
        Candidate<T> c = new Candidate<>(value, modified, offered++);
        if (capacity == 0) return value;
        kept.add(c);
        return kept.size() > capacity ? kept.poll().value() : null;
    }

    /** The pages kept, newest first. */
    List<T> newestFirst() {
        List<Candidate<T>> all = new ArrayList<>(kept);
        all.sort(BEST_FIRST);
        List<T> out = new ArrayList<>(all.size());
        for (Candidate<T> c : all) out.add(c.value());
        return out;
    }

    int size() {
        return kept.size();
    }
}
