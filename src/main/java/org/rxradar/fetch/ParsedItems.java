package org.rxradar.fetch;

import java.util.List;
import org.rxradar.model.Item;

/**
 * What a parser found on one fetched document.
 *
 * @param items  the items, duplicates within the document removed
 * @param notice why nothing (or less than expected) was found, for the operator; null when all is well
 */
public record ParsedItems(List<Item> items, String notice) {
    public ParsedItems {
        items = List.copyOf(items);
    }
}
