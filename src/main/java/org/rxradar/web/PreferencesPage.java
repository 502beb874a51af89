package org.rxradar.web;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rxradar.filter.LeadFilterParams;
import org.rxradar.model.FieldProblem;
import org.rxradar.web.page.Masked;
import org.rxradar.web.page.Option;
import org.rxradar.model.NotifyTarget;
import org.rxradar.model.Subscriber;
import org.rxradar.model.Taxonomy;

/**
 * The preferences page ({@code web/preferences.html.peb}, autoescaped): the form filled with the
 * subscriber's values, or with what was posted and each problem beside its field.
 */
final class PreferencesPage {
    /** Fields with a place for their problem on the page; a problem of any other goes to the top. */
    static final List<String> FIELDS = List.of("kinds", "settings", "topics", "states", "zip", "radius", "min-pay", "frequency",
            "send-at", "timezone", "notify-when");

    /** Empty notify rows offered below the filled ones. */
    static final int BLANK_ROWS = 2;

    /** One notify row of the form. */
    record TargetRow(int index, String kind, String url, String error, List<Option> kinds) {}

    PreferencesPage() {}

    /** The form with the subscriber's current values. */
    byte[] current(String token, Subscriber s, boolean saved) {
        Map<String, Object> v = new HashMap<>();
        v.put("name", s.name() == null ? "" : s.name());
        v.put("states", String.join(", ", s.states()));
        v.put("keywords", String.join(", ", s.keywords()));
        v.put("zip", s.zip() == null ? "" : s.zip());
        v.put("radius", s.radius() == null ? "" : s.radius().toString());
        v.put("minPay", s.minPay() == null ? "" : LeadFilterParams.number(s.minPay()));
        v.put("timezone", s.timezone().getId());
        v.put("sendAt", s.sendAt().toString());
        List<TargetRow> rows = new ArrayList<>();
        for (NotifyTarget t : s.notifyTargets()) rows.add(row(rows.size(), t.key(), t.uri().toString(), null));
        return render(token, s, v, s.settings(), s.topics(), s.kinds(), s.remote(), s.includeUnpaid(), s.frequency().toString(),
                s.notifyWhen().text(), rows, Map.of(), saved);
    }

    /** The form as posted, with the problems beside their fields. */
    byte[] refused(String token, Subscriber s, PreferencesForm form, List<FieldProblem> problems) {
        Map<String, Object> v = new HashMap<>();
        v.put("name", orEmpty(form.one("name")));
        v.put("states", orEmpty(form.one("states")));
        v.put("keywords", orEmpty(form.one("keywords")));
        v.put("zip", orEmpty(form.one("zip")));
        v.put("radius", orEmpty(form.one("radius")));
        v.put("minPay", orEmpty(form.one("min-pay")));
        v.put("timezone", orEmpty(form.one("timezone")));
        v.put("sendAt", orEmpty(form.one("send-at")));
        Map<String, String> errors = new LinkedHashMap<>();
        Map<Integer, String> rowErrors = new HashMap<>();
        for (FieldProblem p : problems) {
            String f = p.field();
            if (f.startsWith("notify[")) {
                int i = Integer.parseInt(f.substring(7, f.indexOf(']')));
                rowErrors.merge(i, p.message(), (a, b) -> a + "; " + b);
            } else {
                String at = FIELDS.contains(f) ? f : "form";
                errors.merge(at, at.equals("form") && !f.isEmpty() ? f + ": " + p.message() : p.message(), (a, b) -> a + "; " + b);
            }
        }
        List<TargetRow> rows = new ArrayList<>();
        for (PreferencesForm.Row r : form.targets()) rows.add(row(rows.size(), r.kind(), r.url(), rowErrors.get(rows.size())));
        return render(token, s, v, form.list("settings"), form.list("topics"), form.list("kinds"), form.values().containsKey("remote"),
                form.values().containsKey("include-unpaid"), orEmpty(form.one("frequency")), orEmpty(form.one("notify-when")),
                rows, errors, false);
    }

    private byte[] render(String token, Subscriber s, Map<String, Object> values, List<String> settings, List<String> topics,
                          List<String> kinds, boolean remote, boolean includeUnpaid, String frequency, String notifyWhen,
                          List<TargetRow> rows, Map<String, String> errors, boolean saved) {
        List<TargetRow> all = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) all.add(row(all.size(), "webhook", "", null));
        Map<String, Object> c = new HashMap<>(values);
        c.put("token", token);
        c.put("email", Masked.email(s.email()));
        c.put("saved", saved);
        Map<String, String> shown = new HashMap<>(); // every key present: the template is strict about missing ones
        shown.put("form", null);
        for (String f : FIELDS) shown.put(f, null);
        shown.putAll(errors);
        c.put("errors", shown);
        c.put("problemCount", errors.size() + rows.stream().filter(r -> r.error() != null).count());
        c.put("settings", Option.labelled(Taxonomy.SETTINGS, settings));
        c.put("topics", Option.labelled(Taxonomy.TOPICS, topics));
        c.put("kinds", List.of(new Option("jobs", "Job leads", kinds.contains("jobs") || kinds.contains("job")),
                new Option("news", "News", kinds.contains("news"))));
        c.put("remote", remote);
        c.put("includeUnpaid", includeUnpaid);
        c.put("frequencies", frequencies(frequency));
        c.put("notifyWhens", List.of(new Option("digest", "With the digest", !"new-leads".equals(notifyWhen)),
                new Option("new-leads", "As new leads arrive (at most one message per 15 minutes per target)", "new-leads".equals(notifyWhen))));
        c.put("rows", all);
        // the pages' one layout and stylesheet
        return org.rxradar.web.page.PageTemplates.renderBytes("preferences", "", c);
    }

    private static TargetRow row(int index, String kind, String url, String error) {
        List<Option> kinds = new ArrayList<>();
        for (String k : PreferencesForm.KINDS) kinds.add(new Option(k, label(k), k.equals(kind)));
        return new TargetRow(index, kind, url, error, kinds);
    }

    private static String label(String kind) {
        return switch (kind) {
            case "webhook" -> "Webhook (signed JSON)";
            case "ntfy" -> "ntfy topic";
            case "slack" -> "Slack incoming webhook";
            default -> "Discord webhook";
        };
    }

    private static List<Option> frequencies(String current) {
        List<Option> out = new ArrayList<>();
        out.add(new Option("daily", "Daily", current.isEmpty() || current.equals("daily")));
        for (DayOfWeek d : DayOfWeek.values()) {
            String v = "weekly:" + d.name().toLowerCase(Locale.ROOT);
            String day = d.name().charAt(0) + d.name().substring(1).toLowerCase(Locale.ROOT);
            out.add(new Option(v, "Weekly on " + day, v.equals(current)));
        }
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
