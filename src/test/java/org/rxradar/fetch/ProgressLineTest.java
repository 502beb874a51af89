package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void rateAndTimeLeftFollowFromWhatIsDone() {
        ProgressLine p = new ProgressLine(250, 1000, 5000, 3, Duration.ofSeconds(10));
        assertThat(p.rate()).isEqualTo(25.0);
        assertThat(p.left()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.text()).isEqualTo("fetch: 250/1,000 sources (25%), 5,000 items, 3 errors, 25.0 sources/s, about 30 s left");
    }

    @Test
    void theBarFillsInProportion() {
        ProgressLine p = new ProgressLine(500, 1000, 10_000, 1, Duration.ofSeconds(5));
        assertThat(p.bar(10)).isEqualTo("[#####-----]  50%  500/1,000 sources  10,000 items  1 error  100/s  ETA 5 s");
        assertThat(new ProgressLine(1000, 1000, 0, 0, Duration.ofSeconds(5)).bar(4)).startsWith("[####] 100%");
    }

    @Test
    void beforeTheFirstSourceEndsTheTimeLeftIsUnknown() {
        ProgressLine p = new ProgressLine(0, 40, 0, 0, Duration.ofSeconds(3));
        assertThat(p.left()).isNull();
        assertThat(p.text()).endsWith("0.0 sources/s, time left not known yet");
        assertThat(p.bar(4)).endsWith("ETA ?");
    }

    @Test
    void durationsReadInTheirBestUnitRoundedUp() {
        assertThat(ProgressLine.duration(Duration.ofMillis(400))).isEqualTo("400 ms");
        assertThat(ProgressLine.duration(Duration.ofMillis(1200))).isEqualTo("2 s");
        assertThat(ProgressLine.duration(Duration.ofSeconds(89))).isEqualTo("89 s");
        assertThat(ProgressLine.duration(Duration.ofSeconds(999))).isEqualTo("17 min");
        assertThat(ProgressLine.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
    }
}
