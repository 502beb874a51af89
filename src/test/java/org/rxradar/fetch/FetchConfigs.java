package org.rxradar.fetch;

import java.time.Duration;
import org.rxradar.config.RxRadarConfig;

/** Small limits so hostile-server tests finish in seconds. */
public final class FetchConfigs {
    private FetchConfigs() {}

    public static RxRadarConfig.Fetch small(String stateDir) {
        return new RxRadarConfig.Fetch("RxRadar-test/0.1", Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(3), "1MB", 3, 4, 2, Duration.ZERO, 3, stateDir);
    }
}
