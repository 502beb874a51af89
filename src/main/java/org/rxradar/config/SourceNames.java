package org.rxradar.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person reads for a source: its configured {@code name}, else its id. Items carry the
 * source id ({@code sample-health-system-careers-rss}); feeds, digests and pages show this instead.
 */
public final class SourceNames {
    private static final SourceNames NONE = new SourceNames(Map.of());
    private final Map<String, String> names;

    private SourceNames(Map<String, String> names) {
        this.names = names;
    }

    /** The names of the given sources (disabled ones too: their items are still in the views). */
    public static SourceNames of(List<RxRadarConfig.Source> sources) {
        Map<String, String> names = new HashMap<>();
        for (RxRadarConfig.Source s : sources) {
            if (s != null && s.id() != null && s.name() != null && !s.name().isBlank()) names.put(s.id(), s.name().strip());
        }
        return names.isEmpty() ? NONE : new SourceNames(Map.copyOf(names));
    }

    /** No names known: every source reads as its id. */
    public static SourceNames none() {
        return NONE;
    }

    /** The source's name, else the id as given (null stays null). */
    public String name(String id) {
        if (id == null) return null;
        String name = names.get(id);
        return name == null ? id : name;
    }
}
