package org.rxradar.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rxradar.model.Kind;
import org.rxradar.model.TaggedItem;
import org.rxradar.model.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one in-memory window of the tagged stream: the relevant tagged items of the last days, read
 * by the feeds, the pages and the read API on one side and by the digests on the other.
 * <p>Two time orders, each kept as an index so no call sorts: feeds walk the items published
 * within the window, newest published first, through indexes by setting, topic, kind and state (a
 * query walks the smallest matching index and stops after {@code limit} hits); digests walk the
 * items tagged within the window, newest tagged first ({@link #recentlyTagged}). An item stays
 * while it is inside the window on either clock, so a late-tagged old posting still reaches the
 * digests without showing in the feeds. Items leave on writes ({@link #put}, {@link #evictExpired}
 * on a schedule), never inside a getter. Thread-safe: many readers, one writer at a time.
 */
public final class FeedView {
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(14);
    public static final int DEFAULT_MAX_ITEMS = 100_000;
    private static final Logger log = LoggerFactory.getLogger(FeedView.class);

    private final Duration window;
    private final int maxItems;
    private final Clock clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Entry> byId = new HashMap<>();
    private final NavigableSet<Key> all = new TreeSet<>();
    private final Map<String, NavigableSet<Key>> indexes = new HashMap<>();
    private final NavigableSet<Key> byTagged = new TreeSet<>();
    private volatile long version;

    public FeedView() {
        this(DEFAULT_WINDOW, DEFAULT_MAX_ITEMS, Clock.systemUTC());
    }

    /**
     * @param window   items published (for the feeds) or tagged (for the digests) longer ago than this are dropped
     * @param maxItems above this many items in one time order the oldest of that order are dropped
     */
    public FeedView(Duration window, int maxItems, Clock clock) {
        if (window == null || window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be positive, was " + window);
        if (maxItems < 1) throw new IllegalArgumentException("maxItems must be at least 1, was " + maxItems);
        this.window = window;
        this.maxItems = maxItems;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Adds an item, or replaces the one with the same id. An item that is not relevant, or outside
     * the window on both clocks, removes any earlier version instead: the view holds relevant
     * recent items only. Items that fell out of the window meanwhile leave too.
     *
     * @return true when the view changed
     */
    public boolean put(TaggedItem item) {
        Objects.requireNonNull(item, "item");
        long cutoff = clock.instant().minus(window).toEpochMilli();
        Key key = new Key(sortTime(item).toEpochMilli(), item.id());
        Key taggedKey = new Key(taggedTime(item).toEpochMilli(), item.id());
        lock.writeLock().lock();
        try {
            boolean changed = removeLocked(item.id());
            boolean published = key.millis >= cutoff;
            boolean tagged = taggedKey.millis >= cutoff;
            if (item.relevant() && (published || tagged)) {
                Entry entry = new Entry(key, taggedKey, item, indexNames(item));
                byId.put(item.id(), entry);
                if (published) addToFeedsLocked(entry);
                if (tagged) {
                    entry.inTagged = true;
                    byTagged.add(taggedKey);
                }
                changed = true;
            }
            if (trimLocked(cutoff) > 0) changed = true;
            if (changed) version++;
            return changed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes an item by id; true when it was there. */
    public boolean remove(String id) {
        lock.writeLock().lock();
        try {
            boolean removed = removeLocked(id);
            if (removed) version++;
            return removed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Drops items that fell out of the window; call on a schedule, as put does it only on writes.
     *
     * @return how many items left the view altogether
     */
    public int evictExpired() {
        lock.writeLock().lock();
        try {
            int before = byId.size();
            if (trimLocked(clock.instant().minus(window).toEpochMilli()) > 0) version++;
            int removed = before - byId.size();
            if (removed > 0) log.debug("Evicted {} items older than {}", removed, window);
            return removed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public ViewResult query(ViewQuery q) {
        Objects.requireNonNull(q, "query");
        lock.readLock().lock();
        try {
            List<NavigableSet<Key>> driver = smallestCandidateGroup(q);
            TreeSet<Key> hits = new TreeSet<>();
            for (NavigableSet<Key> index : driver) {
                int found = 0;
                for (Iterator<Key> it = index.iterator(); it.hasNext() && found < q.limit(); ) {
                    Key key = it.next();
                    // keys newer than the current limit-th hit cannot be displaced; older ones can stop the walk
                    if (hits.size() >= q.limit() && key.compareTo(hits.last()) > 0) break;
                    if (matches(byId.get(key.id).item, q)) {
                        hits.add(key);
                        found++;
                    }
                }
                while (hits.size() > q.limit()) hits.pollLast();
            }
            List<TaggedItem> items = new ArrayList<>(hits.size());
            for (Key key : hits) items.add(byId.get(key.id).item);
            return new ViewResult(items, stampOf(items), lastModifiedOf(items), version);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * One page of a walk through the view, newest first: the items matching {@code q} (its limit
     * aside) and {@code also}, strictly older than the position {@code (afterMillis, afterId)} of
     * the previous page's last item (null id: from the newest), published at or after
     * {@code since} (null: any), at most {@code max}.
     */
    public List<TaggedItem> page(ViewQuery q, java.util.function.Predicate<TaggedItem> also, Instant since,
                                 long afterMillis, String afterId, int max) {
        Objects.requireNonNull(q, "query");
        lock.readLock().lock();
        try {
            NavigableSet<Key> from = afterId == null ? all : all.tailSet(new Key(afterMillis, afterId), false);
            long sinceMillis = since == null ? Long.MIN_VALUE : since.toEpochMilli();
            List<TaggedItem> out = new ArrayList<>(Math.min(max, 64));
            for (Key key : from) {
                if (out.size() >= max || key.millis < sinceMillis) break;
                TaggedItem item = byId.get(key.id).item;
                if (matches(item, q) && also.test(item)) out.add(item);
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The digests' candidates: relevant items tagged within the window, newest tagged first (then
     * by id, a stable order). A walk of the tagged-time index, no sort; items tagged before the
     * window but not yet evicted are skipped, not deleted.
     */
    public List<TaggedItem> recentlyTagged() {
        return taggedSince(clock.instant().minus(window));
    }

    /** Relevant items tagged at or after {@code since} (within the window), newest tagged first. */
    public List<TaggedItem> taggedSince(Instant since) {
        long sinceMillis = Objects.requireNonNull(since, "since").toEpochMilli();
        lock.readLock().lock();
        try {
            List<TaggedItem> out = new ArrayList<>();
            for (Key key : byTagged) {
                if (key.millis < sinceMillis) break;
                out.add(byId.get(key.id).item);
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many items are in the digests' order: tagged within the window. */
    public int taggedSize() {
        lock.readLock().lock();
        try {
            return byTagged.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Relevant items per setting id, every setting of the taxonomy listed (zero when none). */
    public Map<String, Integer> countsBySetting() {
        return counts("setting:", Taxonomy.SETTINGS);
    }

    /** Relevant items per topic id, every topic of the taxonomy listed (zero when none). */
    public Map<String, Integer> countsByTopic() {
        return counts("topic:", Taxonomy.TOPICS);
    }

    public int count(Kind kind) {
        lock.readLock().lock();
        try {
            NavigableSet<Key> index = indexes.get("kind:" + kind);
            return index == null ? 0 : index.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many items the feeds see: published within the window. */
    public int size() {
        lock.readLock().lock();
        try {
            return all.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Increases on every change; equal versions mean equal content. */
    public long version() {
        return version;
    }

    private Map<String, Integer> counts(String prefix, List<String> ids) {
        lock.readLock().lock();
        try {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (String id : ids) {
                NavigableSet<Key> index = indexes.get(prefix + id);
                out.put(id, index == null ? 0 : index.size());
            }
            return Collections.unmodifiableMap(out);
        } finally {
            lock.readLock().unlock();
        }
    }

    private List<NavigableSet<Key>> smallestCandidateGroup(ViewQuery q) {
        List<List<NavigableSet<Key>>> groups = new ArrayList<>();
        if (!q.settings().isEmpty()) groups.add(indexesFor("setting:", q.settings()));
        if (!q.topics().isEmpty()) groups.add(indexesFor("topic:", q.topics()));
        if (!q.states().isEmpty()) groups.add(indexesFor("state:", q.states()));
        if (q.kind() != null) groups.add(indexesFor("kind:", List.of(q.kind().name())));
        if (groups.isEmpty()) return List.of(all);
        List<NavigableSet<Key>> best = null;
        long bestSize = Long.MAX_VALUE;
        for (List<NavigableSet<Key>> group : groups) {
            long size = group.stream().mapToLong(NavigableSet::size).sum();
            if (size < bestSize) {
                best = group;
                bestSize = size;
            }
        }
        return best;
    }

    private List<NavigableSet<Key>> indexesFor(String prefix, Iterable<String> ids) {
        List<NavigableSet<Key>> out = new ArrayList<>();
        for (String id : ids) {
            NavigableSet<Key> index = indexes.get(prefix + id);
            if (index != null) out.add(index);
        }
        return out;
    }

    private static boolean matches(TaggedItem item, ViewQuery q) {
        if (q.kind() != null && item.kind() != q.kind()) return false;
        if (!q.settings().isEmpty() && q.settings().stream().noneMatch(item.settings()::contains)) return false;
        if (!q.topics().isEmpty() && q.topics().stream().noneMatch(item.topics()::contains)) return false;
        if (!q.states().isEmpty()) {
            String state = stateOf(item);
            if (state == null || !q.states().contains(state)) return false;
        }
        return q.leads().passes(item);
    }

    private boolean removeLocked(String id) {
        Entry old = byId.remove(id);
        if (old == null) return false;
        removeFromFeedsLocked(old);
        if (old.inTagged) byTagged.remove(old.taggedKey);
        return true;
    }

    private void addToFeedsLocked(Entry entry) {
        entry.inFeeds = true;
        all.add(entry.key);
        for (String name : entry.indexNames) indexes.computeIfAbsent(name, n -> new TreeSet<>()).add(entry.key);
    }

    private void removeFromFeedsLocked(Entry entry) {
        if (!entry.inFeeds) return;
        entry.inFeeds = false;
        all.remove(entry.key);
        for (String name : entry.indexNames) {
            NavigableSet<Key> index = indexes.get(name);
            if (index != null) {
                index.remove(entry.key);
                if (index.isEmpty()) indexes.remove(name);
            }
        }
    }

    /** Trims each time order from its oldest end; an item out of both leaves. Returns how many were trimmed. */
    private int trimLocked(long cutoff) {
        int trimmed = 0;
        while (!all.isEmpty() && (all.size() > maxItems || all.last().millis < cutoff)) {
            Entry entry = byId.get(all.last().id);
            removeFromFeedsLocked(entry);
            if (!entry.inTagged) byId.remove(entry.item.id());
            trimmed++;
        }
        while (!byTagged.isEmpty() && (byTagged.size() > maxItems || byTagged.last().millis < cutoff)) {
            Entry entry = byId.get(byTagged.pollLast().id);
            entry.inTagged = false;
            if (!entry.inFeeds) byId.remove(entry.item.id());
            trimmed++;
        }
        return trimmed;
    }

    private static List<String> indexNames(TaggedItem item) {
        List<String> names = new ArrayList<>();
        names.add("kind:" + item.kind().name());
        for (String s : item.settings()) names.add("setting:" + s);
        for (String t : item.topics()) names.add("topic:" + t);
        String state = stateOf(item);
        if (state != null) names.add("state:" + state);
        return names;
    }

    private static String stateOf(TaggedItem item) {
        if (item.location() == null || item.location().state() == null) return null;
        return item.location().state().trim().toUpperCase(Locale.ROOT);
    }

    /** The time an item is ordered and expired by: when it was published. */
    public static Instant sortTime(TaggedItem item) {
        if (item.published() != null) return item.published();
        if (item.fetched() != null) return item.fetched();
        return item.tagged() != null ? item.tagged() : Instant.EPOCH;
    }

    /** The time the digests order and expire an item by: when it was tagged (published, if it never was). */
    static Instant taggedTime(TaggedItem item) {
        return item.tagged() != null ? item.tagged() : sortTime(item);
    }

    /** The last time an item's content changed: published, re-published (updated) or re-tagged. */
    public static Instant changeTime(TaggedItem item) {
        Instant t = sortTime(item);
        if (item.updated() != null && item.updated().isAfter(t)) t = item.updated();
        if (item.tagged() != null && item.tagged().isAfter(t)) t = item.tagged();
        return t;
    }

    private static Instant lastModifiedOf(List<TaggedItem> items) {
        Instant latest = Instant.EPOCH;
        for (TaggedItem item : items) {
            Instant t = changeTime(item);
            if (t.isAfter(latest)) latest = t;
        }
        return latest;
    }

    // FNV-1a over ids and change times: deterministic across JVMs, unlike enum or identity hashes
    private static String stampOf(List<TaggedItem> items) {
        long h = 0xcbf29ce484222325L;
        for (TaggedItem item : items) {
            h = fnv(h, item.id());
            h = fnv(h, Long.toString(changeTime(item).toEpochMilli()));
        }
        return Long.toHexString(h);
    }

    private static long fnv(long h, String text) {
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return (h ^ '|') * 0x100000001b3L;
    }

    /** Newest first, then by id so that two items of the same millisecond stay distinct. */
    private record Key(long millis, String id) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(o.millis, millis);
            return c != 0 ? c : id.compareTo(o.id);
        }
    }

    /** An item and where it is: in the feeds' indexes (published in the window), in the tagged-time index, or both. */
    private static final class Entry {
        final Key key;
        final Key taggedKey;
        final TaggedItem item;
        final List<String> indexNames;
        boolean inFeeds;
        boolean inTagged;

        Entry(Key key, Key taggedKey, TaggedItem item, List<String> indexNames) {
            this.key = key;
            this.taggedKey = taggedKey;
            this.item = item;
            this.indexNames = indexNames;
        }
    }
}
