package org.rxradar.fetch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rxradar.model.Item;

/**
 * What a parser found on one fetched document.
 *
 * @param items        the items
 * @param notice       why nothing (or less than expected) was found, for the operator; null when all is well
 * @param fingerprints per item id, the content hash to de-duplicate on when it is not the item's own
 *                     (items enriched from detail pages are compared on what the listing showed)
 * @param dropped      per reason, how many of the document's entries were left out, in the order first
 *                     met (e.g. "no title text and no link" → 2); empty when every entry became an item
 */
public record ParsedItems(List<Item> items, String notice, Map<String, String> fingerprints, Map<String, Integer> dropped) {
    public ParsedItems {
        items = List.copyOf(items);
        fingerprints = fingerprints == null ? Map.of() : Map.copyOf(fingerprints);
        dropped = dropped == null || dropped.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(dropped));
    }

    public ParsedItems(List<Item> items, String notice, Map<String, String> fingerprints) {
        this(items, notice, fingerprints, Map.of());
    }

    public ParsedItems(List<Item> items, String notice) {
        this(items, notice, Map.of(), Map.of());
    }
}
