package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rxradar.config.RxRadarConfig;

class PassEstimateTest {
    private static List<RxRadarConfig.Source> sources(int n, String... hosts) {
        List<RxRadarConfig.Source> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new RxRadarConfig.Source("s" + i, "rss", "news", "http://" + hosts[i % hosts.length] + "/feed/" + i,
                    Duration.ofMinutes(30), null, Map.of(), true));
        }
        return out;
    }

    @Test
    void aThousandSourcesOnOneHostAtOneSecondTakeAtLeastSeventeenMinutes() {
        PassEstimate e = PassEstimate.of(sources(1000, "feeds.example"), Duration.ofSeconds(1));
        assertThat(e.atLeast()).isEqualTo(Duration.ofSeconds(999));
        assertThat(e.warning()).contains(
                "1,000 sources on 1 host at 1 s per host: at least 17 min; set fetch.per-host-delay to go faster");
    }

    @Test
    void theBusiestHostDecidesAndIsNamed() {
        List<RxRadarConfig.Source> s = sources(300, "a.example");
        s.addAll(sources(30, "b.example", "c.example:8443"));
        PassEstimate e = PassEstimate.of(s, Duration.ofMillis(500));
        assertThat(e.hosts()).isEqualTo(3);
        assertThat(e.atLeast()).isEqualTo(Duration.ofMillis(299 * 500));
        assertThat(e.warning().orElseThrow()).startsWith("330 sources on 3 hosts (300 on a.example) at 500 ms per host: at least 3 min");
    }

    @Test
    void aShortPassOrNoDelayIsNotWorthALine() {
        assertThat(PassEstimate.of(sources(1000, "feeds.example"), Duration.ZERO).warning()).isEmpty();
        assertThat(PassEstimate.of(sources(1000, "h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9", "h10", "h11", "h12", "h13", "h14",
                "h15", "h16", "h17", "h18", "h19", "h20"), Duration.ofSeconds(1)).warning()).isEmpty(); // 50 per host: 49 s
        assertThat(PassEstimate.of(List.of(), Duration.ofSeconds(1)).atLeast()).isEqualTo(Duration.ZERO);
    }
}
