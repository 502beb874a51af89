package org.rxradar.fetch;

import java.time.Duration;
import java.util.List;

/** The result of fetching every enabled source once. */
public record FetchReport(List<SourceReport> sources, Duration elapsed) {
    public FetchReport {
        sources = List.copyOf(sources);
    }

    public int published() {
        return sources.stream().mapToInt(SourceReport::published).sum();
    }

    public int found() {
        return sources.stream().mapToInt(SourceReport::found).sum();
    }

    public long failed() {
        return sources.stream().filter(SourceReport::failed).count();
    }

    public SourceReport get(String sourceId) {
        return sources.stream().filter(s -> s.sourceId().equals(sourceId)).findFirst().orElse(null);
    }
}
