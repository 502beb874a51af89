package org.rxradar.trend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rxradar.model.TaggedItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trend state: one {@link DailyStats} per UTC day ({@link TrendDay}), fed from
 * {@code rxradar.items.tagged}. Thread-safe: the consuming thread adds while HTTP threads report.
 *
 * <p><b>Counting once.</b> Each day keeps the keys it has counted: the item id, and for relevant
 * items the near-duplicate cluster id (the same job posted on three boards is one lead). An item
 * whose id or cluster was counted on <em>any</em> retained day is skipped, so an update (the same id
 * published again) or a replayed record changes nothing; the first version seen is the one counted.
 * Items dated before the retention floor are skipped too, so a replay of old records cannot
 * resurrect a pruned day.
 *
 * <p><b>Fault tolerance.</b> State lives in the compacted topic {@code rxradar.trends}, one record
 * per day keyed by {@link TrendSnapshot#key()}, driven like this:
 * <ol>
 *   <li>consume {@code rxradar.items.tagged} and {@link #add} each record;</li>
 *   <li>after each batch publish {@link #takeChanged()}, the snapshots of the days changed since the
 *       last call, and a tombstone for each day {@link #retainFrom} dropped, in one transaction with
 *       the consumed offsets ({@link TrendStage});</li>
 *   <li>after a restart, or when another instance's counting moves here, read the whole of
 *       {@code rxradar.trends}, call {@link #replaceWith} with every record (skipping tombstones),
 *       then {@link #retainUpTo} today so a replay cannot revive a dropped day, and resume
 *       {@code rxradar.items.tagged} from the committed offsets.</li>
 * </ol>
 * Closed days come back from their snapshots, and the current day from its last snapshot plus the
 * replay. Records processed after the last snapshots but before the crash are replayed and counted
 * now, so nothing is lost; records both in a snapshot and replayed (the offsets were not committed
 * yet) are skipped by id, so nothing is counted twice. The same holds for any older starting point
 * (a reset to "earliest" merely replays more). Snapshots of one day only grow, so when the topic
 * still holds several (compaction is lazy) the one with the most counted keys wins, whatever the
 * reading order. Only one instance counts (the {@link TrendStage} that owns the tagged topic's
 * partitions): a cluster's items sit in different partitions, so counts per partition could not be
 * added up. Readers ({@link TrendView}) {@link #apply} each snapshot as it comes.
 */
public final class TrendStore {
    private static final Logger log = LoggerFactory.getLogger(TrendStore.class);

    /** Enough for a 28-day report plus rising terms as of any day in it (7 days against the 28 before). */
    public static final int DEFAULT_RETAIN_DAYS = 63;
    private static final String CLUSTER = "cluster:";

    private final NavigableMap<LocalDate, DailyStats> days = new TreeMap<>();
    private final Set<LocalDate> changed = new TreeSet<>();
    private final RisingTerms risingTerms;
    private LocalDate floor;

    public TrendStore() {
        this(RisingTerms.defaults());
    }

    public TrendStore(RisingTerms risingTerms) {
        this.risingTerms = risingTerms;
    }

    /**
     * Counts the item on its day unless it (or its near-duplicate cluster) was counted already.
     *
     * @return the day it was counted on, or empty when it was skipped (already counted, undated, too old)
     * @throws IllegalArgumentException for a record that is no tagged item (no id or kind): dead-letter it
     */
    public synchronized Optional<LocalDate> add(TaggedItem item) {
        if (item == null) throw new IllegalArgumentException("item is null");
        if (item.id() == null || item.id().isBlank()) throw new IllegalArgumentException("tagged item has no id");
        if (item.kind() == null) throw new IllegalArgumentException("tagged item " + item.id() + " has no kind");
        // a closing record: the posting stays counted on the day it was published (it was open then)
        if (item.closed() != null) return Optional.empty();
        LocalDate day = TrendDay.of(item);
        if (day == null) {
            log.warn("trend: item {} carries no date; not counted", item.id());
            return Optional.empty();
        }
        if (floor != null && day.isBefore(floor)) return Optional.empty();
        Set<String> keys = new LinkedHashSet<>();
        keys.add(item.id());
        if (item.relevant() && item.cluster() != null && !item.cluster().isBlank()) keys.add(CLUSTER + item.cluster());
        for (DailyStats s : days.values()) {
            for (String key : keys) if (s.hasCounted(key)) return Optional.empty();
        }
        days.computeIfAbsent(day, DailyStats::new).add(item, keys);
        changed.add(day);
        return Optional.of(day);
    }

    /** Rebuilds state from snapshots read back from {@code rxradar.trends}; see the class comment. */
    public synchronized void restore(Collection<TrendSnapshot> snapshots) {
        Map<LocalDate, TrendSnapshot> newest = new HashMap<>();
        for (TrendSnapshot s : snapshots) {
            if (s == null) continue;
            if (s.v() > TrendSnapshot.VERSION) log.warn("trend: snapshot of {} has version {}, newer than {}", s.day(), s.v(), TrendSnapshot.VERSION);
            newest.merge(s.day(), s, (a, b) -> b.counted().size() >= a.counted().size() ? b : a);
        }
        int restored = 0;
        for (TrendSnapshot s : newest.values()) {
            if (floor != null && s.day().isBefore(floor)) continue;
            DailyStats current = days.get(s.day());
            if (current != null && current.countedKeys() > s.counted().size()) continue;
            days.put(s.day(), DailyStats.from(s));
            restored++;
        }
        log.info("trend: restored {} days from {} snapshots", restored, snapshots.size());
    }

    /**
     * Forgets every day and rebuilds from the snapshots, as {@link #restore} does: for an owner taking
     * the counting over, whose earlier state (if any) predates what other owners published since.
     */
    public synchronized void replaceWith(Collection<TrendSnapshot> snapshots) {
        days.clear();
        changed.clear();
        restore(snapshots);
    }

    /**
     * One snapshot read from {@code rxradar.trends}, as a reader following the topic applies it: it
     * replaces the day unless the day already holds more counted keys (the same rule as
     * {@link #restore}, so a reader and a restored owner agree). Not marked changed: it is published.
     */
    public synchronized void apply(TrendSnapshot snapshot) {
        if (snapshot == null) return;
        if (floor != null && snapshot.day().isBefore(floor)) return;
        DailyStats current = days.get(snapshot.day());
        if (current != null && current.countedKeys() > snapshot.counted().size()) return;
        days.put(snapshot.day(), DailyStats.from(snapshot));
    }

    /** A day's tombstone read from {@code rxradar.trends}: the owner dropped it (older than the days kept). */
    public synchronized void remove(LocalDate day) {
        days.remove(day);
        changed.remove(day);
    }

    /** The day's state for {@code rxradar.trends}, or empty when nothing was counted on it. */
    public synchronized Optional<TrendSnapshot> snapshot(LocalDate day) {
        DailyStats s = days.get(day);
        return s == null ? Optional.empty() : Optional.of(s.snapshot());
    }

    /** Snapshots of the days changed since the last call (oldest first), to publish before committing offsets. */
    public synchronized List<TrendSnapshot> takeChanged() {
        List<TrendSnapshot> out = new ArrayList<>();
        for (LocalDate day : changed) {
            DailyStats s = days.get(day);
            if (s != null) out.add(s.snapshot());
        }
        changed.clear();
        return out;
    }

    /**
     * Marks days changed again, so the next {@link #takeChanged()} returns their snapshots: for
     * snapshots taken but never stored (Kafka did not acknowledge them). Days no longer kept are ignored.
     */
    public synchronized void markChanged(Collection<LocalDate> days) {
        for (LocalDate day : days) if (this.days.containsKey(day)) changed.add(day);
    }

    public synchronized List<TrendSnapshot> snapshots() {
        List<TrendSnapshot> out = new ArrayList<>();
        for (DailyStats s : days.values()) out.add(s.snapshot());
        return out;
    }

    /**
     * Drops the days before {@code firstKept}; later items dated before it are ignored.
     *
     * @return the days dropped, for tombstones in {@code rxradar.trends}
     */
    public synchronized List<LocalDate> retainFrom(LocalDate firstKept) {
        Map<LocalDate, DailyStats> old = days.headMap(firstKept, false);
        List<LocalDate> dropped = List.copyOf(old.keySet());
        old.clear();
        changed.removeIf(d -> d.isBefore(firstKept));
        if (floor == null || firstKept.isAfter(floor)) floor = firstKept;
        return dropped;
    }

    /** Keeps {@link #DEFAULT_RETAIN_DAYS} days up to and including {@code today}; returns the days dropped. */
    public synchronized List<LocalDate> retainUpTo(LocalDate today) {
        return retainFrom(today.minusDays(DEFAULT_RETAIN_DAYS - 1L));
    }

    public synchronized Optional<LocalDate> latestDay() {
        return days.isEmpty() ? Optional.empty() : Optional.of(days.lastKey());
    }

    public synchronized List<LocalDate> days() {
        return List.copyOf(days.keySet());
    }

    /** Trends over {@code dayCount} days ending with {@code lastDay}, rising terms ending with it too. */
    public synchronized TrendReport report(LocalDate lastDay, int dayCount) {
        return TrendReport.of(days, lastDay, dayCount, risingTerms.find(days, lastDay));
    }

    public synchronized List<RisingTerm> risingTerms(LocalDate lastDay) {
        return risingTerms.find(days, lastDay);
    }
}
