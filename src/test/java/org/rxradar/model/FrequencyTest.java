package org.rxradar.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rxradar.config.ConfigException;
import org.rxradar.config.ConfigLoader;

class FrequencyTest {
    @Test
    void readsDailyWeeklyAndEveryFormOfTheDay() {
        assertThat(Frequency.parse("daily").daily()).isTrue();
        assertThat(Frequency.parse(null)).isEqualTo(Frequency.DAILY);
        assertThat(Frequency.parse("weekly").weeklyOn()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(Frequency.parse("weekly:fri").weeklyOn()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(Frequency.parse("Weekly:Friday").weeklyOn()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(Frequency.parse("weekly-thu").weeklyOn()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(Frequency.parse("weekly:sat").toString()).isEqualTo("weekly:saturday");
    }

    @Test
    void sendsOnItsDayOnly() {
        LocalDate friday = LocalDate.parse("2026-12-04");
        assertThat(Frequency.parse("weekly:fri").sendsOn(friday)).isTrue();
        assertThat(Frequency.parse("weekly:fri").sendsOn(friday.plusDays(1))).isFalse();
        assertThat(Frequency.DAILY.sendsOn(friday.plusDays(1))).isTrue();
    }

    @Test
    void rejectsWhatNamesNoFrequencyInOneReadableLine() {
        for (String bad : new String[] {"hourly", "weekly:funday", "weekly:", "weeklyfri", "weekly:fr"}) {
            assertThatThrownBy(() -> Frequency.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "' is not a frequency").hasMessageNotContaining("\n");
        }
    }

    @Test
    void theConfigFileNamesTheSubscribersFrequencyAndStatus() {
        String yaml = "subscribers:\n  - email: a@example.org\n    frequency: weekly:funday\n";
        assertThatThrownBy(() -> ConfigLoader.parse(yaml, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("subscribers[0].frequency: 'weekly:funday' is not a frequency");
        String status = "subscribers:\n  - email: a@example.org\n    status: maybe\n";
        assertThatThrownBy(() -> ConfigLoader.parse(status, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("subscribers[0].status: 'maybe' is not a status");
        assertThat(ConfigLoader.parse("subscribers:\n  - email: a@example.org\n    frequency: weekly:fri\n", Map.of())
                .subscribers()).hasSize(1);
    }
}
