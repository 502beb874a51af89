package org.rxradar.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.CalendarComponent;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Kind;
import org.rxradar.model.TaggedItem;

class EventCalendarTest {
    static final Instant T = Instant.parse("2026-11-30T12:00:00Z");

    static TaggedItem story(String id, String title, String summary) {
        return new TaggedItem(1, id, Kind.NEWS, "Pharmacy Times", "https://news.example.com/" + id, title, summary, T, false,
                T, null, null, null, List.of(), List.of("events"), null, null, true, null, null, null, null, null, T);
    }

    /** The calendar as a calendar app reads it, checked against RFC 5545 by ical4j's validator. */
    static Calendar parse(String ics) throws Exception {
        Calendar c = new CalendarBuilder().build(new StringReader(ics));
        assertThat(c.validate().hasErrors()).as(c.validate().toString()).isFalse();
        return c;
    }

    static String prop(CalendarComponent e, String name) {
        return e.getPropertyList().getProperty(name).orElseThrow().getValue();
    }

    @Test
    void datedStoriesBecomeAllDayEventsAndUndatedOnesAreLeftOut() throws Exception {
        String longSummary = "Join us; bring colleagues, friends \\ family.\nSecond line: the registration desk opens early and "
                + "the keynote on sterile compounding — USP <797> — starts at nine. " + "Ünïcödé ".repeat(12);
        String ics = EventCalendar.write("RxRadar: events", List.of(
                story("e1", "State technician conference, March 14, 2027", longSummary),
                story("e2", "A new law on compounding", "No date here."),
                story("e3", "Hiring fair", "Walk in on Jan. 15 at the convention center."),
                story("e4", "CE webinar", "Live on March 3, 2027 at 7 p.m. CT; recording after.")), T);

        for (String line : ics.split("\r\n")) assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        assertThat(ics).endsWith("END:VCALENDAR\r\n").doesNotContain("\r\n\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n");

        Calendar c = parse(ics);
        List<CalendarComponent> events = c.getComponents();
        assertThat(events).hasSize(3);
        CalendarComponent conference = events.get(0);
        assertThat(prop(conference, "UID")).isEqualTo("e1@rxradar");
        assertThat(prop(conference, "DTSTART")).isEqualTo("20270314");
        assertThat(conference.getPropertyList().getProperty("DTSTART").orElseThrow().getParameterList().getFirst("VALUE").orElseThrow().getValue())
                .isEqualTo("DATE");
        assertThat(prop(conference, "SUMMARY")).isEqualTo("State technician conference, March 14, 2027");
        assertThat(prop(conference, "URL")).isEqualTo("https://news.example.com/e1");
        assertThat(prop(conference, "DESCRIPTION")).startsWith(longSummary.strip()).contains("Source: Pharmacy Times");
        assertThat(prop(conference, "DTSTAMP")).isEqualTo("20261130T120000Z");
        assertThat(prop(events.get(1), "DTSTART")).isEqualTo("20270115");
        // 7 p.m. Central Standard Time is 01:00 UTC the next day
        assertThat(prop(events.get(2), "DTSTART")).isEqualTo("20270304T010000Z");
    }

    @Test
    void escapingAndFoldingFollowTheRfc() {
        assertThat(IcsText.escape("a,b;c\\d\ne\r\nf")).isEqualTo("a\\,b\\;c\\\\d\\ne\\nf");
        StringBuilder out = new StringBuilder();
        IcsText.line(out, "X:" + "é".repeat(80));
        String[] lines = out.toString().split("\r\n");
        assertThat(lines.length).isGreaterThan(2);
        for (String l : lines) assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        for (int i = 1; i < lines.length; i++) assertThat(lines[i]).startsWith(" ");
        assertThat(out.toString().replace("\r\n ", "")).isEqualTo("X:" + "é".repeat(80) + "\r\n");
    }
}
