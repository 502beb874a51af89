package org.rxradar.web;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rxradar.model.EmailAddresses;
import org.rxradar.model.Subscriber;
import org.rxradar.model.Taxonomy;

/**
 * A subscription request after validation: every field checked against the taxonomy and the
 * same rules as a configured subscriber, so a subscriber made on the web is as sound as one in
 * the config file. Lists may come as repeated fields or comma-separated text.
 */
public record SubscriptionForm(String email, String name, List<String> settings, List<String> topics, List<String> kinds,
                               List<String> states, boolean remote, String timezone, String sendAt, String frequency,
                               Double minPay, boolean includeUnpaid, String zip, Integer radius) {
    static final List<String> FIELDS = List.of("email", "name", "settings", "topics", "kinds", "states", "remote",
            "timezone", "send-at", "frequency", "min-pay", "include-unpaid", "zip", "radius");
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final int MAX_NAME = 80;
    private static final int MAX_STATES = 60;
    private static final List<String> KINDS = List.of("jobs", "news");
    private static final List<String> FREQUENCIES = List.of("daily", "weekly");

    /** Checks every field; the first problem found is thrown as a {@link BadRequest} naming the field. */
    public static SubscriptionForm parse(Map<String, List<String>> fields) {
        for (String name : fields.keySet()) {
            if (!FIELDS.contains(canonical(name)))
                throw new BadRequest(name, "unknown field '" + clip(name) + "'; the fields are " + String.join(", ", FIELDS));
        }
        String email = single(fields, "email");
        String problem = EmailAddresses.problem(email);
        if (problem != null) throw new BadRequest("email", "email: " + problem);
        email = email.trim();

        String name = single(fields, "name");
        name = name == null ? "" : name.strip();
        if (name.length() > MAX_NAME) throw new BadRequest("name", "name: at most " + MAX_NAME + " characters");
        if (name.chars().anyMatch(Character::isISOControl)) throw new BadRequest("name", "name: contains control characters");

        List<String> settings = ids(fields, "settings", Taxonomy.SETTINGS);
        List<String> topics = ids(fields, "topics", Taxonomy.TOPICS);
        List<String> kinds = ids(fields, "kinds", KINDS);

        List<String> states = new ArrayList<>();
        for (String s : list(fields, "states")) {
            String st = s.toUpperCase(Locale.ROOT);
            if (!STATE.matcher(st).matches())
                throw new BadRequest("states", "states: '" + clip(s) + "' is not a two-letter state code (example: TX)");
            if (!states.contains(st)) states.add(st);
        }
        if (states.size() > MAX_STATES) throw new BadRequest("states", "states: at most " + MAX_STATES);

        boolean remote = bool(fields, "remote");

        String timezone = single(fields, "timezone");
        if (timezone == null || timezone.isBlank()) timezone = "UTC";
        try {
            timezone = ZoneId.of(timezone.trim()).getId();
        } catch (DateTimeException e) {
            throw new BadRequest("timezone", "timezone: '" + clip(timezone) + "' is not a time zone (example: America/Chicago)");
        }

        String sendAt = single(fields, "send-at");
        if (sendAt == null || sendAt.isBlank()) sendAt = "07:00";
        try {
            LocalTime t = LocalTime.parse(sendAt.trim());
            sendAt = String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
        } catch (DateTimeParseException e) {
            throw new BadRequest("send-at", "send-at: '" + clip(sendAt) + "' is not a time of day (HH:mm, example: 07:00)");
        }

        String frequency = single(fields, "frequency");
        frequency = frequency == null || frequency.isBlank() ? "daily" : frequency.trim().toLowerCase(Locale.ROOT);
        if (!FREQUENCIES.contains(frequency))
            throw new BadRequest("frequency", "frequency: '" + clip(frequency) + "' is not one of " + FREQUENCIES);

        Double minPay = null;
        String pay = single(fields, "min-pay");
        if (pay != null && !pay.isBlank()) {
            try {
                minPay = Double.parseDouble(pay.trim().replace("$", ""));
            } catch (NumberFormatException e) {
                throw new BadRequest("min-pay", "min-pay: '" + clip(pay) + "' is not a number of dollars per hour");
            }
        }
        // the box says "only leads that state their pay": checked sends include-unpaid=false
        String unpaid = single(fields, "include-unpaid");
        boolean includeUnpaid = unpaid == null || unpaid.isBlank() || !unpaid.trim().equalsIgnoreCase("false");
        String zip = single(fields, "zip");
        zip = zip == null || zip.isBlank() ? null : zip.trim();
        Integer radius = null;
        String miles = single(fields, "radius");
        if (miles != null && !miles.isBlank() && zip != null) {
            try {
                radius = Integer.parseInt(miles.trim());
            } catch (NumberFormatException e) {
                throw new BadRequest("radius", "radius: '" + clip(miles) + "' is not a whole number of miles");
            }
        }
        SubscriptionForm form = new SubscriptionForm(email, name, settings, topics, kinds, List.copyOf(states), remote, timezone,
                sendAt, frequency, minPay, includeUnpaid, zip, radius);
        form.toSubscriber("pending"); // the subscriber's own checks (pay range, a known ZIP, radius), as a 400 naming the field
        return form;
    }

    /** The subscriber this form asks for, with the given status. */
    public Subscriber toSubscriber(String status) {
        try {
            return Subscriber.builder(email).name(name.isEmpty() ? null : name).settings(settings).topics(topics).kinds(kinds)
                    .states(states).remote(remote).timezone(timezone).sendAt(sendAt).frequency(frequency).status(status)
                    .minPay(minPay).includeUnpaid(includeUnpaid).zip(zip).radius(radius).build();
        } catch (org.rxradar.model.InvalidValueException e) {
            org.rxradar.model.FieldProblem first = e.problems().get(0);
            throw new BadRequest(first.field(), first.field() + ": " + first.message());
        }
    }

    // JSON clients may write sendAt, as in the subscriber record
    private static String canonical(String field) {
        return field.equals("sendAt") ? "send-at" : field;
    }

    private static List<String> values(Map<String, List<String>> fields, String name) {
        List<String> out = new ArrayList<>();
        fields.forEach((k, v) -> {
            if (canonical(k).equals(name)) out.addAll(v);
        });
        return out;
    }

    private static String single(Map<String, List<String>> fields, String name) {
        List<String> v = values(fields, name);
        if (v.size() > 1) throw new BadRequest(name, name + ": give one value, not " + v.size());
        return v.isEmpty() ? null : v.get(0);
    }

    /** Repeated fields and comma-separated values alike; blanks dropped. */
    private static List<String> list(Map<String, List<String>> fields, String name) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values(fields, name)) {
            for (String part : v.split(",")) {
                String p = part.trim();
                if (!p.isEmpty()) out.add(p);
            }
        }
        return List.copyOf(out);
    }

    private static List<String> ids(Map<String, List<String>> fields, String name, List<String> valid) {
        List<String> out = new ArrayList<>();
        for (String v : list(fields, name)) {
            String id = v.toLowerCase(Locale.ROOT);
            if (!valid.contains(id))
                throw new BadRequest(name, name + ": '" + clip(v) + "' is not one of " + String.join(", ", valid));
            out.add(id);
        }
        return List.copyOf(out);
    }

    private static boolean bool(Map<String, List<String>> fields, String name) {
        String v = single(fields, name);
        if (v == null || v.isBlank()) return false;
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default -> throw new BadRequest(name, name + ": '" + clip(v) + "' is not true or false");
        };
    }

    /** Echoed input stays short: an error message must not become a megabyte of someone else's text. */
    static String clip(String s) {
        if (s == null) return "";
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
