package org.rxradar.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.rxradar.model.Certification;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;
import org.rxradar.model.TaggedItem;

/**
 * A realistic, deterministic set of tagged items for the page tests: leads over four weeks in
 * several settings and states, with and without pay, certifications and shifts, a few news items,
 * and one title with markup that must show as text.
 */
final class PageSamples {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    static final String HOSTILE_TITLE = "Tech <img src=x onerror=alert(1)> lead";

    private static final String[] SETTINGS = {"hospital", "retail", "long-term-care", "home-infusion", "specialty", "mail-order", "clinic"};
    private static final String[] STATES = {"TX", "CA", "OK", "NY", "FL"};
    private static final String[] EMPLOYERS = {"Mercy Medical Center", "CVS Health", "Omnicare", "Option Care Health", "Accredo",
            "Express Scripts", "Kaiser Permanente"};
    private static final String[] CITIES = {"Austin", "Fresno", "Tulsa", "Albany", "Tampa"};

    private PageSamples() {}

    static List<TaggedItem> items() {
        List<TaggedItem> out = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            String setting = SETTINGS[i % SETTINGS.length];
            String state = STATES[i % STATES.length];
            Instant published = NOW.minus(Duration.ofHours(7L * i + 3));
            Salary pay = i % 3 == 2 ? null : i % 5 == 4 ? new Salary(38000.0 + 500 * i, 46000.0, Salary.Unit.YEAR, "USD")
                    : new Salary(17.0 + (i % 7), 21.5 + (i % 7), Salary.Unit.HOUR, "USD");
            List<Certification> certs = switch (i % 4) {
                case 0 -> List.of(new Certification("PTCB-CPhT", true));
                case 1 -> List.of(new Certification("PTCB-CPhT", false), new Certification("STATE-LICENSE", true));
                case 2 -> List.of(new Certification("CSPT", false));
                default -> List.of();
            };
            String title = i == 1 ? HOSTILE_TITLE : (i % 2 == 0 ? "Pharmacy Technician" : "Certified Pharmacy Technician") + " " + (100 + i);
            out.add(new TaggedItem(1, "lead-" + i, Kind.JOB, i % 2 == 0 ? "sample-health-system-careers-rss" : "tech-jobs-atom",
                    "https://jobs.example.com/" + i, title, "Fill prescriptions, manage inventory and work with pharmacists.",
                    published, false, published, null, EMPLOYERS[i % EMPLOYERS.length],
                    new Place(CITIES[i % CITIES.length] + ", " + state, CITIES[i % CITIES.length], state, false),
                    List.of(setting), i % 6 == 0 ? List.of("certification") : List.of(), null, null, true, pay, certs,
                    i % 3 == 0 ? "FULL_TIME" : i % 3 == 1 ? "PART_TIME" : null, i % 2 == 0 ? List.of("DAY") : List.of("EVENING", "WEEKEND"),
                    null, published.plusSeconds(60)));
        }
        for (int i = 0; i < 6; i++) {
            Instant published = NOW.minus(Duration.ofHours(11L * i + 5));
            out.add(new TaggedItem(1, "news-" + i, Kind.NEWS, "pharmacy-news-rss", "https://news.example.com/" + i,
                    "Board of pharmacy updates technician ratio rules " + i, "What the new rules mean for technicians in hospitals and retail.",
                    published, false, published, null, null, null, List.of(SETTINGS[i % 3]), List.of(i % 2 == 0 ? "regulation" : "workforce"),
                    null, null, true, null, null, null, null, null, published.plusSeconds(60)));
        }
        return out;
    }
}
