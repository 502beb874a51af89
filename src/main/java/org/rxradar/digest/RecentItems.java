package org.rxradar.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rxradar.model.TaggedItem;

/**
 * The relevant tagged items of the last days, by id, as read from the tagged topic: the
 * candidates of every digest. An item published again (an update) replaces the earlier version.
 */
public final class RecentItems {
    private final Map<String, TaggedItem> items = new ConcurrentHashMap<>();
    private final Duration window;
    private final Clock clock;

    public RecentItems(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    public void put(TaggedItem item) {
        if (!item.relevant()) {
            items.remove(item.id());
            return;
        }
        items.put(item.id(), item);
    }

    /** Relevant items tagged within the window, newest first. */
    public List<TaggedItem> all() {
        Instant since = clock.instant().minus(window);
        items.values().removeIf(i -> i.tagged() != null && i.tagged().isBefore(since));
        return items.values().stream()
                .sorted(Comparator.comparing(TaggedItem::tagged, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    public int size() {
        return items.size();
    }
}
