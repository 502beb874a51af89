package org.rxradar.fetch;

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
 */
public record ParsedItems(List<Item> items, String notice, Map<String, String> fingerprints) {
    public ParsedItems {
        items = List.copyOf(items);
        fingerprints = fingerprints == null ? Map.of() : Map.copyOf(fingerprints);
    }

    public ParsedItems(List<Item> items, String notice) {
        this(items, notice, Map.of());
    }
}
