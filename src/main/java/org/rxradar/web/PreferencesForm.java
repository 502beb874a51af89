package org.rxradar.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rxradar.model.FieldProblem;
import org.rxradar.model.InvalidValueException;
import org.rxradar.model.NotifyTarget;
import org.rxradar.model.Subscriber;

/**
 * The preferences form as posted, and the subscriber it makes: the current subscriber with the
 * form's values put in, checked by {@link Subscriber} itself (the same rules as the config file and
 * the CLI) plus the one rule only the server knows: no notify target at its own address. Identity
 * (id, email) and status are never taken from the form.
 *
 * @param values  the posted values as text, to show again when the form is refused
 * @param targets the notify rows that were filled in, in order ({@code notify[i]} in problems is row i)
 */
record PreferencesForm(Map<String, List<String>> values, List<Row> targets) {

    /** One notify row: its kind ({@code webhook}, {@code ntfy}, {@code slack}, {@code discord}) and URL. */
    record Row(String kind, String url) {}

    static final List<String> KINDS = Arrays.stream(NotifyTarget.Kind.values()).map(NotifyTarget.Kind::key).toList();

    static PreferencesForm parse(Map<String, List<String>> fields) {
        List<String> kinds = fields.getOrDefault("notify-kind", List.of());
        List<String> urls = fields.getOrDefault("notify-url", List.of());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i).trim();
            if (url.isEmpty()) continue;
            rows.add(new Row(i < kinds.size() ? kinds.get(i).trim().toLowerCase(Locale.ROOT) : "", url));
        }
        return new PreferencesForm(fields, rows);
    }

    String one(String name) {
        List<String> v = values.getOrDefault(name, List.of());
        return v.isEmpty() ? null : v.get(0).trim();
    }

    /** Every value given for a field; comma-separated text is split too ("CA, NV"). */
    List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (String v : values.getOrDefault(name, List.of()))
            for (String part : v.split(","))
                if (!part.isBlank()) out.add(part.trim());
        return out;
    }

    /**
     * The subscriber with the form's values; an {@link InvalidValueException} naming every field at
     * fault otherwise (field names as in the config file: {@code min-pay}, {@code notify[1].webhook}).
     *
     * @param baseUrl this server's public address: a notify target there is refused
     */
    Subscriber apply(Subscriber current, String baseUrl) {
        List<FieldProblem> problems = new ArrayList<>();
        Double minPay = null;
        String pay = one("min-pay");
        if (pay != null && !pay.isEmpty()) {
            try {
                minPay = Double.valueOf(pay.replace("$", "").replace(",", ""));
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("min-pay", "'" + pay + "' is not an amount in dollars per hour (example: 18.50)"));
            }
        }
        Integer radius = null;
        String r = one("radius");
        if (r != null && !r.isEmpty()) {
            try {
                radius = Integer.valueOf(r);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("radius", "'" + r + "' is not a whole number of miles"));
            }
        }
        List<NotifyTarget> targets = new ArrayList<>();
        for (int i = 0; i < this.targets.size(); i++) {
            Row row = this.targets.get(i);
            int k = KINDS.indexOf(row.kind());
            if (k < 0) {
                problems.add(new FieldProblem("notify[" + i + "]", "'" + row.kind() + "' is not a kind of target (" + String.join(", ", KINDS) + ")"));
                targets.add(NotifyTarget.of(NotifyTarget.Kind.WEBHOOK, row.url())); // keeps the row numbers of later problems
            } else {
                targets.add(NotifyTarget.of(NotifyTarget.Kind.values()[k], row.url()));
            }
        }
        String zip = one("zip");
        Subscriber.Builder b = current.toBuilder()
                .name(blankToNull(one("name")))
                .settings(list("settings")).topics(list("topics")).kinds(list("kinds"))
                .states(list("states")).remote(values.containsKey("remote"))
                .keywords(list("keywords"))
                .timezone(one("timezone")).sendAt(one("send-at")).frequency(one("frequency"))
                .minPay(minPay).includeUnpaid(values.containsKey("include-unpaid"))
                .zip(zip).radius(zip == null || zip.isEmpty() ? null : radius)
                .notifyTargets(targets).notifyWhen(one("notify-when"));
        Subscriber s = null;
        try {
            s = b.build();
        } catch (InvalidValueException e) {
            problems.addAll(0, e.problems());
        }
        for (int i = 0; i < targets.size(); i++) {
            NotifyTarget t = targets.get(i);
            if (t.problems().isEmpty() && t.pointsAt(baseUrl))
                problems.add(new FieldProblem("notify[" + i + "]." + t.key(), "'" + t.uri() + "' is this RxRadar server itself ("
                        + baseUrl + "); give the address of the service that should receive the alerts"));
        }
        if (!problems.isEmpty()) throw new InvalidValueException(problems);
        return s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
