package org.rxradar.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rxradar.model.Subscriber;
import org.rxradar.model.Certification;
import org.rxradar.model.ItemIds;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;
import org.rxradar.model.TaggedItem;

/** Builds tagged items and subscribers for tests. */
final class TestItems {
    static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");

    private TestItems() {}

    static Builder job(String title) {
        return new Builder(Kind.JOB, title);
    }

    static Builder news(String title) {
        return new Builder(Kind.NEWS, title);
    }

    static SubscriberBuilder subscriber(String id) {
        return new SubscriberBuilder(id);
    }

    static final class Builder {
        private final Kind kind;
        private String title;
        private String url;
        private String source = "example-board";
        private String summary;
        private Instant published = NOON;
        private String employer;
        private Place location;
        private List<String> settings = List.of();
        private List<String> topics = List.of();
        private final Map<String, Double> scores = new HashMap<>();
        private boolean relevant = true;
        private Salary salary;
        private final List<Certification> certs = new ArrayList<>();
        private String employment;
        private List<String> shift = List.of();
        private String cluster;

        Builder(Kind kind, String title) {
            this.kind = kind;
            this.title = title;
            this.url = "https://jobs.example.org/" + Math.abs(title.hashCode());
        }

        Builder url(String u) { this.url = u; return this; }
        Builder source(String s) { this.source = s; return this; }
        Builder summary(String s) { this.summary = s; return this; }
        Builder published(Instant p) { this.published = p; return this; }
        Builder hoursAgo(int h) { this.published = NOON.minusSeconds(h * 3600L); return this; }
        Builder employer(String e) { this.employer = e; return this; }
        Builder in(String city, String state) { this.location = new Place(city + ", " + state, city, state, false); return this; }
        Builder remote() { this.location = new Place("Remote", null, null, true); return this; }
        Builder settings(String... s) { this.settings = List.of(s); return this; }
        Builder topics(String... t) { this.topics = List.of(t); return this; }
        Builder score(String tag, double s) { scores.put(tag, s); return this; }
        Builder irrelevant() { this.relevant = false; return this; }
        Builder hourly(double min, double max) { this.salary = new Salary(min, max, Salary.Unit.HOUR, "USD"); return this; }
        Builder yearly(double min, double max) { this.salary = new Salary(min, max, Salary.Unit.YEAR, "USD"); return this; }
        Builder cert(String id, boolean required) { certs.add(new Certification(id, required)); return this; }
        Builder certAnyOf(boolean required, String... ids) { certs.add(Certification.anyOf(List.of(ids), required)); return this; }
        Builder employment(String e) { this.employment = e; return this; }
        Builder shift(String... s) { this.shift = List.of(s); return this; }
        Builder cluster(String c) { this.cluster = c; return this; }

        TaggedItem build() {
            return new TaggedItem(TaggedItem.VERSION, ItemIds.forUrl(url), kind, source, url, title, summary, published, false,
                    published, null, employer, location, settings, topics, scores, Map.of(), relevant, salary, certs,
                    employment, shift, cluster, published);
        }
    }

    static final class SubscriberBuilder {
        private final String id;
        private String email;
        private String name;
        private List<String> settings = List.of();
        private List<String> topics = List.of();
        private List<String> kinds = List.of();
        private List<String> states = List.of();
        private boolean remote;
        private List<String> keywords = List.of();
        private String status = "confirmed";
        private String timezone = "America/Chicago";

        SubscriberBuilder(String id) {
            this.id = id;
            this.email = id + "@example.org";
        }

        SubscriberBuilder email(String e) { this.email = e; return this; }
        SubscriberBuilder name(String n) { this.name = n; return this; }
        SubscriberBuilder settings(String... s) { this.settings = List.of(s); return this; }
        SubscriberBuilder topics(String... t) { this.topics = List.of(t); return this; }
        SubscriberBuilder kinds(String... k) { this.kinds = List.of(k); return this; }
        SubscriberBuilder states(String... s) { this.states = List.of(s); return this; }
        SubscriberBuilder remote(boolean r) { this.remote = r; return this; }
        SubscriberBuilder keywords(String... k) { this.keywords = List.of(k); return this; }
        SubscriberBuilder status(String s) { this.status = s; return this; }
        SubscriberBuilder timezone(String z) { this.timezone = z; return this; }

        Subscriber build() {
            return Subscriber.of(id, email, name, settings, topics, kinds, states, remote, keywords, timezone, "07:00", "daily", status);
        }
    }
}
