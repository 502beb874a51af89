package org.rxradar.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.rxradar.model.ItemIds;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;
import org.rxradar.model.TaggedItem;

/** Tagged job leads for the alert tests. */
public final class Leads {
    private Leads() {}

    public static TaggedItem lead(String title, String employer, String city, String state, String setting, Instant published) {
        String url = "https://jobs.example.org/" + Math.abs((title + employer).hashCode());
        return new TaggedItem(TaggedItem.VERSION, ItemIds.forUrl(url), Kind.JOB, "example-board", url, title, null, published, false,
                published, null, employer, new Place(city + ", " + state, city, state, false), List.of(setting), List.of(),
                Map.of(setting, 1.0), Map.of(), true, new Salary(19.0, 23.5, Salary.Unit.HOUR, "USD"), List.of(), null, List.of(), null,
                published);
    }

    public static TaggedItem lead(String title) {
        return lead(title, "Valley Health", "Fresno", "CA", "hospital", Instant.parse("2026-11-23T12:00:00Z"));
    }
}
