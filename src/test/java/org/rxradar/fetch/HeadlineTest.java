package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadlineTest {

    @Test
    void shortTextIsTheWholeHeadline() {
        assertThat(Headline.of("Reminder: badge photos on Friday.")).isEqualTo("Reminder: badge photos on Friday.");
        assertThat(Headline.of(null)).isNull();
        assertThat(Headline.of(" ")).isNull();
    }

    @Test
    void longTextIsCutAtAWordBoundaryWithAnEllipsis() {
        assertThat(Headline.of("One two three four five six seven eight nine ten eleven twelve thirteen"))
                .isEqualTo("One two three four five six seven eight nine ten\u2026");
        assertThat(Headline.of("Staffing, schedules, training, inventory, compliance, audits, recalls, shortages, "
                + "immunizations, counseling, deliveries, billing")) // ten words would be 95 characters: cut at 90
                .isEqualTo("Staffing, schedules, training, inventory, compliance, audits, recalls, shortages\u2026");
    }

    @Test
    void aVeryLongWordIsCut() {
        String url = "https://example.org/" + "x".repeat(200);
        assertThat(Headline.of(url)).hasSize(Headline.MAX_CHARS + 1).endsWith("\u2026");
    }
}
