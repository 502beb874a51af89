package org.rxradar.fetch.ats;

import java.util.Objects;
import org.rxradar.model.Item;
import org.rxradar.model.ItemIds;

/** Short content hashes of listing entries, to tell an unchanged posting from a changed one. */
public final class Fingerprints {
    private Fingerprints() {}

    /** The hash of the given parts of a listing entry (title, location, dates…). */
    public static String of(Object... parts) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) b.append('\u0001');
            b.append(Objects.toString(parts[i], ""));
        }
        return ItemIds.sha256(b.toString()).substring(0, 32);
    }

    /** The hash of an item's own content (what the fetch stage compares for any source). */
    public static String of(Item i) {
        return of(i.title(), i.summary(), i.url(), i.employer(), i.location(), i.posting());
    }
}
