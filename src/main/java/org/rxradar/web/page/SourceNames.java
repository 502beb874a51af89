package org.rxradar.web.page;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rxradar.config.RxRadarConfig;

/** What a person reads for a source: its configured {@code name}, else its id. */
public final class SourceNames {
    private static final SourceNames NONE = new SourceNames(Map.of());
    private final Map<String, String> names;

    private SourceNames(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    public static SourceNames none() {
        return NONE;
    }

    public static SourceNames of(List<RxRadarConfig.Source> sources) {
        Map<String, String> names = new HashMap<>();
        if (sources != null) {
            for (RxRadarConfig.Source s : sources) {
                if (s != null && s.id() != null && s.name() != null && !s.name().isBlank()) names.put(s.id(), s.name().strip());
            }
        }
        return new SourceNames(names);
    }

    /** The name of the source with this id; the id itself when it has none (null stays null). */
    public String name(String id) {
        return id == null ? null : names.getOrDefault(id, id);
    }
}
