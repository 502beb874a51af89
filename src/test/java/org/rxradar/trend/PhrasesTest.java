package org.rxradar.trend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhrasesTest {
    @Test
    void buildsOneToThreeWordPhrasesWithinSentences() {
        assertThat(Phrases.of("USP 800 compliance. Tech-check-tech"))
                .containsExactly("usp", "usp 800", "usp 800 compliance", "800", "800 compliance", "compliance", "tech-check-tech");
    }

    @Test
    void dropsStopWordsAtTheEdgesAndBoilerplate() {
        var phrases = Phrases.of("Pharmacy Technician - Full Time", "<p>Apply now for the job of a lifetime &amp; more. Job description: count pills</p>");
        assertThat(phrases).contains("pharmacy technician", "job", "lifetime", "count pills");
        assertThat(phrases).noneMatch(p -> p.contains("full") || p.contains("apply") || p.contains("description") || p.contains("amp"));
        assertThat(phrases).noneMatch(p -> p.startsWith("the ") || p.endsWith(" of") || p.equals("for"));
    }

    @Test
    void keepsAStopWordInsideAPhrase() {
        assertThat(Phrases.of("Board of Pharmacy votes")).contains("board of pharmacy", "pharmacy votes").doesNotContain("board of", "of pharmacy");
    }

    @Test
    void emptyAndNullTextGiveNothing() {
        assertThat(Phrases.of(null, "  ", "the and of")).isEmpty();
    }
}
