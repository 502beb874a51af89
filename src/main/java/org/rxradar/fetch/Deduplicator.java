package org.rxradar.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.rxradar.model.Item;
import org.rxradar.model.ItemIds;

/**
 * Decides what to publish: an id never seen is new, a seen id whose content hash changed is an
 * update ({@code updated} set), anything else is skipped. Duplicate ids within one document count once.
 */
final class Deduplicator {
    static final Duration REMEMBER = Duration.ofDays(120);

    record Decision(List<Item> toPublish, int newItems, int updatedItems) {}

    Decision decide(List<Item> found, SourceState state, Instant now) {
        return decide(found, java.util.Map.of(), state, now);
    }

    Decision decide(List<Item> found, java.util.Map<String, String> fingerprints, SourceState state, Instant now) {
        state.forgetExpired(now);
        List<Item> out = new ArrayList<>();
        Set<String> inThisDocument = new HashSet<>();
        int fresh = 0;
        int updated = 0;
        for (Item item : found) {
            if (!inThisDocument.add(item.id())) continue;
            String hash = fingerprint(item, fingerprints);
            SourceState.Seen before = state.seen.get(item.id());
            if (before == null) {
                out.add(item);
                fresh++;
            } else if (before.closed() != null || !before.hash().equals(hash)) {
                // changed, or a closed posting listed again (reopened)
                out.add(item.withUpdated(now));
                updated++;
            }
        }
        return new Decision(out, fresh, updated);
    }

    /** The items with duplicate ids (the same GUID or URL twice in one document) removed, first kept. */
    static List<Item> distinct(List<Item> items) {
        Set<String> ids = new HashSet<>();
        List<Item> out = new ArrayList<>(items.size());
        for (Item i : items) if (ids.add(i.id())) out.add(i);
        return out;
    }

    /** True when the item was seen before with this very content. */
    static boolean unchanged(Item item, SourceState state) {
        SourceState.Seen s = state.seen.get(item.id());
        return s != null && s.hash().equals(hash(item));
    }

    /** Records the items as seen; called after they were published. */
    void remember(List<Item> found, java.util.Map<String, String> fingerprints, SourceState state, Instant now) {
        remember(found, fingerprints, state, now, false);
    }

    /** As above; {@code withLinks}: also the url and title, for the record that will close a posting. */
    void remember(List<Item> found, java.util.Map<String, String> fingerprints, SourceState state, Instant now,
                  boolean withLinks) {
        Set<String> done = new HashSet<>();
        for (Item item : found) {
            if (done.add(item.id())) {
                String hash = fingerprint(item, fingerprints);
                state.seen.put(item.id(), withLinks
                        ? withLinks(item, hash, state.seen.get(item.id()), now)
                        : new SourceState.Seen(hash, now.plus(REMEMBER)));
            }
        }
    }

    // an unchanged listing entry known only by its URL (a sitemap's) keeps the title read before,
    // for the record that will close the posting
    private static SourceState.Seen withLinks(Item item, String hash, SourceState.Seen before, Instant now) {
        String url = item.url() == null && before != null ? before.url() : item.url();
        String title = item.title() == null && before != null ? before.title() : item.title();
        return new SourceState.Seen(hash, now.plus(REMEMBER), url, title, null);
    }

    /**
     * The content hash of each item, keyed by id: the parser's fingerprint where it gave one, else
     * {@link #hash}. Computed once per poll and handed to both {@link #decide} and {@link #remember}.
     */
    static java.util.Map<String, String> fingerprints(List<Item> items, java.util.Map<String, String> given) {
        java.util.Map<String, String> out = new java.util.HashMap<>(given);
        for (Item i : items) out.computeIfAbsent(i.id(), id -> hash(i));
        return out;
    }

    // not getOrDefault: that would compute the (SHA-256) hash even when a fingerprint is given
    private static String fingerprint(Item item, java.util.Map<String, String> fingerprints) {
        String given = fingerprints.get(item.id());
        return given != null ? given : hash(item);
    }

    static String hash(Item i) {
        return org.rxradar.fetch.ats.Fingerprints.of(i);
    }
}
