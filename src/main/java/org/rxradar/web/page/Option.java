package org.rxradar.web.page;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.rxradar.model.Labels;

/** One choice of a select, radio or checkbox group: its value, what a person reads, and whether it is chosen. */
public record Option(String value, String label, boolean selected) {
    /** Taxonomy ids as options labelled by {@link Labels}, those in {@code chosen} selected. */
    public static List<Option> labelled(List<String> ids, Collection<String> chosen) {
        List<Option> out = new ArrayList<>(ids.size());
        for (String id : ids) out.add(new Option(id, Labels.of(id), chosen.contains(id)));
        return out;
    }

    /** Values that are their own label (state codes, time zones). */
    public static List<Option> plain(List<String> values, Collection<String> chosen) {
        List<Option> out = new ArrayList<>(values.size());
        for (String v : values) out.add(new Option(v, v, chosen.contains(v)));
        return out;
    }
}
