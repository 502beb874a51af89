package org.rxradar.feeds;

import java.time.Instant;
import java.util.List;
import org.rxradar.model.Certification;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;
import org.rxradar.model.TaggedItem;

/** Builds tagged items for tests: a job lead or a news item with the fields the feeds use. */
public final class Items {
    private Items() {}

    public static TaggedItem job(String id, Instant published, List<String> settings, List<String> topics, String state) {
        return new TaggedItem(1, id, Kind.JOB, "indeed", "https://jobs.example.com/" + id, "Pharmacy Technician " + id,
                "Fill prescriptions and manage inventory.", published, false, published, null, "Mercy Medical Center",
                new Place("Austin, " + state, "Austin", state, false), settings, topics, null, null, true,
                new Salary(18.5, 22.0, Salary.Unit.HOUR, "USD"),
                List.of(new Certification("PTCB-CPhT", true), new Certification("CSPT", false)),
                "FULL_TIME", List.of("DAY"), null, published.plusSeconds(60));
    }

    public static TaggedItem news(String id, Instant published, List<String> settings, List<String> topics) {
        return new TaggedItem(1, id, Kind.NEWS, "Pharmacy Times", "https://news.example.com/" + id, "News " + id,
                "A story about pharmacy technicians.", published, false, published, null, null, null,
                settings, topics, null, null, true, null, null, null, null, null, published.plusSeconds(60));
    }

    public static TaggedItem irrelevant(TaggedItem item) {
        return new TaggedItem(item.v(), item.id(), item.kind(), item.source(), item.url(), item.title(), item.summary(),
                item.published(), item.publishedEstimated(), item.fetched(), item.updated(), item.employer(), item.location(),
                item.settings(), item.topics(), item.scores(), item.evidence(), false, item.salary(), item.certifications(),
                item.employment(), item.shift(), item.cluster(), item.tagged());
    }

    public static TaggedItem retitled(TaggedItem item, String title, Instant updated) {
        return new TaggedItem(item.v(), item.id(), item.kind(), item.source(), item.url(), title, item.summary(),
                item.published(), item.publishedEstimated(), item.fetched(), updated, item.employer(), item.location(),
                item.settings(), item.topics(), item.scores(), item.evidence(), item.relevant(), item.salary(),
                item.certifications(), item.employment(), item.shift(), item.cluster(), updated);
    }

    /** The same item with another tagged time (a posting tagged late, or re-tagged). */
    public static TaggedItem taggedAt(TaggedItem item, Instant tagged) {
        return new TaggedItem(item.v(), item.id(), item.kind(), item.source(), item.url(), item.title(), item.summary(),
                item.published(), item.publishedEstimated(), item.fetched(), item.updated(), item.employer(), item.location(),
                item.settings(), item.topics(), item.scores(), item.evidence(), item.relevant(), item.salary(),
                item.certifications(), item.employment(), item.shift(), item.cluster(), tagged, item.closed());
    }
}
