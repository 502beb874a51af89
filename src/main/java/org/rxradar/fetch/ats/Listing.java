package org.rxradar.fetch.ats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rxradar.model.Item;

/**
 * One read of an employer's job listing.
 *
 * @param items        postings that match a search phrase (new, changed and unchanged: the fetch
 *                     stage publishes only what it has not published in this form)
 * @param fingerprints per item id, the hash of its listing entry when the item was enriched from a
 *                     detail request (so an unchanged listing entry is not read again)
 * @param ignored      postings that match no search phrase: item id to listing fingerprint
 * @param listed       ids of every posting the listing holds, matching or not
 * @param gone         ids whose own page answered 404 or 410: closed whatever the listing says
 * @param complete     true when every page of the listing was read: only then may absent postings be closed
 * @param notice       what an operator should know (why nothing was found, where reading stopped); or null
 */
public record Listing(List<Item> items, Map<String, String> fingerprints, Map<String, String> ignored, Set<String> listed,
                      Set<String> gone, boolean complete, String notice) {

    public Listing {
        items = List.copyOf(items);
        fingerprints = Map.copyOf(fingerprints);
        ignored = Map.copyOf(ignored);
        listed = Set.copyOf(listed);
        gone = Set.copyOf(gone);
    }

    public static Builder builder(List<String> search) {
        return new Builder(new SearchPhrases(search));
    }

    /** Collects a listing as a reader pages through it, applying the search phrases. */
    public static final class Builder {
        private final SearchPhrases search;
        private final List<Item> items = new ArrayList<>();
        private final Map<String, String> fingerprints = new HashMap<>();
        private final Map<String, String> ignored = new HashMap<>();
        private final Set<String> listed = new LinkedHashSet<>();
        private final Set<String> gone = new LinkedHashSet<>();
        private final List<String> notices = new ArrayList<>();
        private boolean complete = true;

        private Builder(SearchPhrases search) {
            this.search = search;
        }

        public SearchPhrases search() {
            return search;
        }

        /**
         * A posting read in full: published when its title or {@code fullText} (the whole
         * description; null: the item's summary) names a search phrase, ignored otherwise.
         *
         * @param listingFingerprint the hash of its listing entry when details were read apart, else null
         * @return true when it matched
         */
        public boolean posting(Item item, String fullText, String listingFingerprint) {
            if (item == null) return false;
            listed.add(item.id());
            boolean match = search.matches(item.title(), fullText != null ? fullText : item.summary());
            if (match) {
                items.add(item);
                if (listingFingerprint != null) fingerprints.put(item.id(), listingFingerprint);
            } else {
                ignored.put(item.id(), listingFingerprint != null ? listingFingerprint : org.rxradar.fetch.ats.Fingerprints.of(item));
            }
            return match;
        }

        /** A posting published before whose listing entry is unchanged: kept as it was, details not read again. */
        public void unchanged(Item listingItem, String listingFingerprint) {
            listed.add(listingItem.id());
            items.add(listingItem);
            fingerprints.put(listingItem.id(), listingFingerprint);
        }

        /** A posting ignored before whose listing entry is unchanged. */
        public void stillIgnored(String itemId, String listingFingerprint) {
            listed.add(itemId);
            ignored.put(itemId, listingFingerprint);
        }

        /** A posting in the listing that was not read this time (a per-poll limit): neither new nor closed. */
        public void listedOnly(String itemId) {
            listed.add(itemId);
        }

        /** A posting whose page answered 404 or 410. */
        public void gone(String itemId) {
            gone.add(itemId);
        }

        /** Reading stopped before the end (an error, a timeout, a page limit): nothing is closed this time. */
        public void incomplete(String why) {
            complete = false;
            notices.add("listing read in part, nothing closed: " + why);
        }

        public void notice(String text) {
            notices.add(text);
        }

        public int listedCount() {
            return listed.size();
        }

        public Listing build() {
            String notice = notices.isEmpty() ? null : String.join("; ", notices);
            if (notice == null && items.isEmpty()) {
                notice = listed.isEmpty() ? "the listing is empty"
                        : "none of the " + listed.size() + " postings names a search phrase";
            }
            return new Listing(items, fingerprints, ignored, listed, gone, complete, notice);
        }
    }
}
