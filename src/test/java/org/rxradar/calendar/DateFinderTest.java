package org.rxradar.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateFinderTest {
    static final LocalDate PUBLISHED = LocalDate.of(2026, 11, 30);

    static LocalDate find(String text) {
        return DateFinder.find(text, PUBLISHED).orElse(null);
    }

    @Test
    void readsTheCommonWrittenForms() {
        assertThat(find("Conference on March 14, 2027 in Denver")).isEqualTo(LocalDate.of(2027, 3, 14));
        assertThat(find("Register by Mar. 14th, 2027")).isEqualTo(LocalDate.of(2027, 3, 14));
        assertThat(find("Hiring fair 14 March 2027")).isEqualTo(LocalDate.of(2027, 3, 14));
        assertThat(find("CE deadline 3/14/2027")).isEqualTo(LocalDate.of(2027, 3, 14));
        assertThat(find("Webinar 2027-03-14")).isEqualTo(LocalDate.of(2027, 3, 14));
        assertThat(find("Sept. 9, 2027 summit")).isEqualTo(LocalDate.of(2027, 9, 9));
    }

    @Test
    void aDateWithoutAYearFollowsThePublication() {
        // published late November: December is this year, January and March are next year
        assertThat(find("Webinar on Dec 10")).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(find("Job fair Jan. 15")).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(find("Mar 14 meeting")).isEqualTo(LocalDate.of(2027, 3, 14));
        // a date a few weeks back stays in the publication year (a recap of a past event)
        assertThat(find("The Nov 2 webinar recording")).isEqualTo(LocalDate.of(2026, 11, 2));
    }

    @Test
    void theFirstDateInTheTextWins() {
        assertThat(find("Apply by April 1, 2027 for the May 5, 2027 exam")).isEqualTo(LocalDate.of(2027, 4, 1));
    }

    @Test
    void wordsAndNumbersThatAreNotDatesAreNot() {
        assertThat(find("Technicians may 20 times a day check labels")).isNull();
        assertThat(find("Pay rose 3/4 of a dollar; 1,500 techs in 2 states")).isNull();
        assertThat(find("Applications open February 30, 2027")).isNull();
        assertThat(find("13/40/2027")).isNull();
        assertThat(find(null)).isNull();
        assertThat(find("A new law on compounding")).isNull();
    }

    @Test
    void aTimeAfterTheDateIsReadWithItsZone() {
        assertThat(DateFinder.findWhen("Webinar March 14, 2027 at 2 p.m. ET", PUBLISHED)).contains(
                new DateFinder.When(LocalDate.of(2027, 3, 14), java.time.LocalTime.of(14, 0), java.time.ZoneId.of("America/New_York")));
        assertThat(DateFinder.findWhen("Job fair 3/14/2027, 10:30 am", PUBLISHED)).contains(
                new DateFinder.When(LocalDate.of(2027, 3, 14), java.time.LocalTime.of(10, 30), null));
        assertThat(DateFinder.findWhen("Exam Jan 5 12 pm Pacific", PUBLISHED)).contains(
                new DateFinder.When(LocalDate.of(2027, 1, 5), java.time.LocalTime.of(12, 0), java.time.ZoneId.of("America/Los_Angeles")));
        assertThat(DateFinder.findWhen("Summit March 14, 2027 in Denver", PUBLISHED)).contains(
                new DateFinder.When(LocalDate.of(2027, 3, 14), null, null));
    }
}
