package org.rxradar.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A digest subscriber, checked where it enters (config file, command line, web form, Kafka record):
 * a value of this type is always valid, so delivery never meets a bad time zone or frequency.
 *
 * <p>Its JSON form (the {@code rxradar.subscriptions} topic) and its YAML form (the config file, in
 * kebab-case keys) are the {@link Fields} as written: text for the time zone ({@code America/Chicago}),
 * send time ({@code "07:00"}), frequency ({@code daily}, {@code weekly:friday}), status
 * ({@code confirmed}, {@code pending}, {@code unsubscribed}) and notify-when ({@code digest},
 * {@code new-leads}).
 *
 * @param remote      remote leads pass the state and distance filters
 * @param minPay      pay floor in US dollars per hour; null for none
 * @param includeUnpaid leads that state no pay pass the pay floor (default true)
 * @param zip         five-digit ZIP code the distance is measured from; null for none
 * @param radius      miles around {@code zip}; null when no zip is given
 * @param notifyTargets places besides email where alerts go
 * @param notifyWhen  when those places hear: with the digest, or as new leads arrive
 */
public record Subscriber(String id, String email, String name, List<String> settings, List<String> topics,
                         List<String> kinds, List<String> states, Boolean remote, List<String> keywords,
                         ZoneId timezone, LocalTime sendAt, Frequency frequency, Status status,
                         Double minPay, Boolean includeUnpaid, String zip, Integer radius,
                         List<NotifyTarget> notifyTargets, NotifyWhen notifyWhen) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");
    public static final LocalTime DEFAULT_SEND_AT = LocalTime.of(7, 0);
    public static final int DEFAULT_RADIUS = 50;
    public static final int MAX_RADIUS = 500;
    public static final double MAX_MIN_PAY = 500;
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final Pattern ZIP = Pattern.compile("\\d{5}");
    private static final List<String> KINDS = List.of("news", "jobs", "job");

    public enum Status {
        CONFIRMED, PENDING, UNSUBSCRIBED;

        @JsonValue
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The status {@code text} names (any case); IllegalArgumentException with the valid ones otherwise. */
        @JsonCreator
        public static Status parse(String text) {
            String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
            for (Status s : values()) if (s.name().equals(t)) return s;
            throw new IllegalArgumentException("'" + text + "' is not a status (confirmed, pending, unsubscribed)");
        }
    }

    public enum NotifyWhen {
        DIGEST, NEW_LEADS;

        @JsonValue
        public String text() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @JsonCreator
        public static NotifyWhen parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            for (NotifyWhen w : values()) if (w.text().equals(t)) return w;
            throw new IllegalArgumentException("'" + text + "' is not a notify-when (digest, new-leads)");
        }
    }

    /** Defaults for what is left out; every problem at once as an {@link InvalidValueException}. */
    public Subscriber {
        email = email == null ? null : email.trim();
        id = id == null || id.isBlank() ? idFor(email) : id.trim();
        settings = settings == null ? List.of() : List.copyOf(settings);
        topics = topics == null ? List.of() : List.copyOf(topics);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        states = states == null ? List.of() : states.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
        remote = remote != null && remote;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        timezone = timezone == null ? DEFAULT_ZONE : timezone;
        sendAt = sendAt == null ? DEFAULT_SEND_AT : sendAt;
        frequency = frequency == null ? Frequency.DAILY : frequency;
        status = status == null ? Status.CONFIRMED : status;
        includeUnpaid = includeUnpaid == null || includeUnpaid;
        zip = zip == null || zip.isBlank() ? null : zip.trim();
        radius = zip != null && radius == null ? Integer.valueOf(DEFAULT_RADIUS) : radius;
        notifyTargets = notifyTargets == null ? List.of() : List.copyOf(notifyTargets);
        notifyWhen = notifyWhen == null ? NotifyWhen.DIGEST : notifyWhen;
        List<FieldProblem> problems = problems(email, settings, topics, kinds, states, minPay, zip, radius, notifyTargets);
        if (!problems.isEmpty()) throw new InvalidValueException(problems);
    }

    /** A stable id from the address, so the same person keeps one id across config edits. */
    public static String idFor(String email) {
        if (email == null || email.isBlank()) return null;
        return "s-" + ItemIds.sha256(email.trim().toLowerCase(Locale.ROOT)).substring(0, 16);
    }

    /** A subscriber from the values as written (text for time zone, send time, frequency and status). */
    public static Subscriber of(String id, String email, String name, List<String> settings, List<String> topics,
                                List<String> kinds, List<String> states, Boolean remote, List<String> keywords,
                                String timezone, String sendAt, String frequency, String status) {
        return builder(email).id(id).name(name).settings(settings).topics(topics).kinds(kinds).states(states)
                .remote(remote).keywords(keywords).timezone(timezone).sendAt(sendAt).frequency(frequency).status(status).build();
    }

    public static Builder builder(String email) {
        return new Builder().email(email);
    }

    public Builder toBuilder() {
        return new Builder().fields(fields());
    }

    public Subscriber withStatus(Status newStatus) {
        return new Subscriber(id, email, name, settings, topics, kinds, states, remote, keywords, timezone, sendAt,
                frequency, newStatus, minPay, includeUnpaid, zip, radius, notifyTargets, notifyWhen);
    }

    public boolean confirmed() {
        return status == Status.CONFIRMED;
    }

    /** The subscriber as written: what the JSON and YAML forms hold. */
    @JsonValue
    public Fields fields() {
        return new Fields(id, email, name, settings, topics, kinds, states, remote, keywords, timezone.getId(),
                sendAt.toString(), frequency.toString(), status.text(), minPay, includeUnpaid, zip, radius, notifyTargets,
                notifyWhen.text());
    }

    /** Reads the written form; every problem at once, each naming its field. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Subscriber from(Fields f) {
        List<FieldProblem> problems = new ArrayList<>();
        ZoneId zone = null;
        if (f.timezone() != null && !f.timezone().isBlank()) {
            try {
                zone = ZoneId.of(f.timezone().trim());
            } catch (DateTimeException e) {
                problems.add(new FieldProblem("timezone", "'" + f.timezone() + "' is not a time zone (example: America/Chicago)"));
            }
        }
        LocalTime sendAt = null;
        if (f.sendAt() != null && !f.sendAt().isBlank()) {
            try {
                sendAt = LocalTime.parse(f.sendAt().trim());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("send-at", "'" + f.sendAt() + "' is not a time of day (HH:mm, example: \"07:00\")"));
            }
        }
        Frequency frequency = null;
        try {
            frequency = Frequency.parse(f.frequency());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("frequency", e.getMessage()));
        }
        Status status = null;
        if (f.status() != null && !f.status().isBlank()) {
            try {
                status = Status.parse(f.status());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("status", e.getMessage()));
            }
        }
        NotifyWhen when = null;
        if (f.notifyWhen() != null && !f.notifyWhen().isBlank()) {
            try {
                when = NotifyWhen.parse(f.notifyWhen());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("notify-when", e.getMessage()));
            }
        }
        try {
            Subscriber s = new Subscriber(f.id(), f.email(), f.name(), f.settings(), f.topics(), f.kinds(), f.states(),
                    f.remote(), f.keywords(), zone, sendAt, frequency, status, f.minPay(), f.includeUnpaid(), f.zip(),
                    f.radius(), f.notifyTargets(), when);
            if (problems.isEmpty()) return s;
        } catch (InvalidValueException e) {
            problems.addAll(e.problems());
        }
        throw new InvalidValueException(problems);
    }

    private static List<FieldProblem> problems(String email, List<String> settings, List<String> topics, List<String> kinds,
                                               List<String> states, Double minPay, String zip, Integer radius,
                                               List<NotifyTarget> notify) {
        List<FieldProblem> out = new ArrayList<>();
        String emailProblem = EmailAddresses.problem(email);
        if (emailProblem != null) out.add(new FieldProblem("email", emailProblem));
        for (String id : settings)
            if (!Taxonomy.isSetting(id)) out.add(new FieldProblem("settings", "'" + id + "' is not a setting; valid: " + Taxonomy.SETTINGS));
        for (String id : topics)
            if (!Taxonomy.isTopic(id)) out.add(new FieldProblem("topics", "'" + id + "' is not a topic; valid: " + Taxonomy.TOPICS));
        for (String k : kinds)
            if (!KINDS.contains(k)) out.add(new FieldProblem("kinds", "'" + k + "' is not a kind (jobs, news)"));
        for (String st : states)
            if (!STATE.matcher(st).matches()) out.add(new FieldProblem("states", "'" + st + "' is not a two-letter state code"));
        if (minPay != null && (minPay.isNaN() || minPay < 0 || minPay > MAX_MIN_PAY))
            out.add(new FieldProblem("min-pay", "'" + minPay + "' is not an hourly pay between 0 and " + (int) MAX_MIN_PAY + " dollars"));
        if (zip != null && !ZIP.matcher(zip).matches())
            out.add(new FieldProblem("zip", "'" + zip + "' is not a five-digit ZIP code"));
        else if (zip != null && !org.rxradar.geo.ZipCentroids.get().known(zip))
            out.add(new FieldProblem("zip", "'" + zip + "' is not a known US ZIP code (the shipped table has no centroid for it)"));
        if (radius != null && zip == null) out.add(new FieldProblem("radius", "needs a zip to measure from"));
        if (radius != null && (radius < 1 || radius > MAX_RADIUS))
            out.add(new FieldProblem("radius", "'" + radius + "' is not a distance between 1 and " + MAX_RADIUS + " miles"));
        for (int i = 0; i < notify.size(); i++) {
            NotifyTarget t = notify.get(i);
            if (t == null) out.add(new FieldProblem("notify[" + i + "]", "empty"));
            else for (FieldProblem p : t.problems()) out.add(p.within("notify[" + i + "]"));
        }
        return out;
    }

    /** The subscriber as a person or a record writes it: text where the domain type is stricter. */
    public record Fields(String id, String email, String name, List<String> settings, List<String> topics,
                         List<String> kinds, List<String> states, Boolean remote, List<String> keywords,
                         String timezone, String sendAt, String frequency, String status,
                         Double minPay, Boolean includeUnpaid, String zip, Integer radius,
                         @com.fasterxml.jackson.annotation.JsonProperty("notify") List<NotifyTarget> notifyTargets,
                         String notifyWhen) {}

    /** Builds a subscriber from written values; {@link #build} checks them all at once. */
    public static final class Builder {
        private String id, email, name, timezone, sendAt, frequency, status, zip, notifyWhen;
        private List<String> settings, topics, kinds, states, keywords;
        private List<NotifyTarget> notifyTargets;
        private Boolean remote, includeUnpaid;
        private Double minPay;
        private Integer radius;

        Builder fields(Fields f) {
            id = f.id(); email = f.email(); name = f.name(); settings = f.settings(); topics = f.topics();
            kinds = f.kinds(); states = f.states(); remote = f.remote(); keywords = f.keywords();
            timezone = f.timezone(); sendAt = f.sendAt(); frequency = f.frequency(); status = f.status();
            minPay = f.minPay(); includeUnpaid = f.includeUnpaid(); zip = f.zip(); radius = f.radius();
            notifyTargets = f.notifyTargets(); notifyWhen = f.notifyWhen();
            return this;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder email(String v) { email = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder settings(List<String> v) { settings = v; return this; }
        public Builder topics(List<String> v) { topics = v; return this; }
        public Builder kinds(List<String> v) { kinds = v; return this; }
        public Builder states(List<String> v) { states = v; return this; }
        public Builder remote(Boolean v) { remote = v; return this; }
        public Builder keywords(List<String> v) { keywords = v; return this; }
        public Builder timezone(String v) { timezone = v; return this; }
        public Builder sendAt(String v) { sendAt = v; return this; }
        public Builder frequency(String v) { frequency = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder minPay(Double v) { minPay = v; return this; }
        public Builder includeUnpaid(Boolean v) { includeUnpaid = v; return this; }
        public Builder zip(String v) { zip = v; return this; }
        public Builder radius(Integer v) { radius = v; return this; }
        public Builder notifyTargets(List<NotifyTarget> v) { notifyTargets = v; return this; }
        public Builder notifyWhen(String v) { notifyWhen = v; return this; }

        /** The subscriber; an {@link InvalidValueException} naming every bad field otherwise. */
        public Subscriber build() {
            return from(new Fields(id, email, name, settings, topics, kinds, states, remote, keywords, timezone, sendAt,
                    frequency, status, minPay, includeUnpaid, zip, radius, notifyTargets, notifyWhen));
        }
    }
}
