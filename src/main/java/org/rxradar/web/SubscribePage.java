package org.rxradar.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rxradar.model.Taxonomy;
import org.rxradar.web.page.FormChoices;
import org.rxradar.web.page.Option;
import org.rxradar.web.page.PageTemplates;

/**
 * The subscribe form ({@code web/subscribe.peb}), filled in from the fields given: the front page's
 * "get these by email" link passes its filters, and a refused post comes back with what was typed
 * and the error next to the field at fault. Only values the form offers are shown as chosen.
 */
final class SubscribePage {
    private SubscribePage() {}

    static byte[] render(Map<String, List<String>> fields, String errorField, String errorMessage) {
        Map<String, Object> c = new HashMap<>();
        c.put("email", first(fields, "email", ""));
        c.put("name", first(fields, "name", ""));
        c.put("settings", Option.labelled(Taxonomy.SETTINGS, lower(fields, "settings")));
        c.put("topics", Option.labelled(Taxonomy.TOPICS, lower(fields, "topics")));
        List<String> kinds = lower(fields, "kinds");
        if (kinds.isEmpty()) kinds = List.of("jobs", "news");
        c.put("kinds", List.of(new Option("jobs", "Job leads", kinds.contains("jobs")), new Option("news", "News", kinds.contains("news"))));
        List<String> states = values(fields, "states").stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
        c.put("states", Option.plain(FormChoices.STATES, states));
        c.put("remote", List.of("true", "on", "yes", "1").contains(first(fields, "remote", "").toLowerCase(Locale.ROOT)));
        c.put("zones", Option.plain(FormChoices.ZONES, List.of(first(fields, "timezone", "America/Chicago"))));
        c.put("sendAt", first(fields, "send-at", "07:00"));
        c.put("minPay", first(fields, "min-pay", ""));
        c.put("onlyPaid", first(fields, "include-unpaid", "").equalsIgnoreCase("false"));
        c.put("zip", first(fields, "zip", ""));
        c.put("radius", first(fields, "radius", ""));
        String frequency = first(fields, "frequency", "daily").toLowerCase(Locale.ROOT);
        c.put("frequencies", List.of(new Option("daily", "Daily", !frequency.equals("weekly")), new Option("weekly", "Weekly", frequency.equals("weekly"))));
        // every field has an entry, empty when it is fine, so the template can ask for any of them
        Map<String, String> errors = new LinkedHashMap<>();
        for (String f : SubscriptionForm.FIELDS) errors.put(f.replace("-", ""), "");
        String general = "";
        if (errorMessage != null) {
            String key = errorField == null ? null : errorField.replace("-", "");
            if (key != null && errors.containsKey(key)) errors.put(key, errorMessage);
            else general = errorMessage;
        }
        c.put("errors", errors);
        c.put("generalError", general);
        c.put("hasError", errorMessage != null);
        return PageTemplates.renderBytes("subscribe", "", c);
    }

    private static List<String> values(Map<String, List<String>> fields, String name) {
        List<String> out = new ArrayList<>();
        for (String v : fields.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) if (!part.isBlank()) out.add(part.trim());
        }
        return out;
    }

    private static List<String> lower(Map<String, List<String>> fields, String name) {
        return values(fields, name).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    private static String first(Map<String, List<String>> fields, String name, String fallback) {
        List<String> v = fields.getOrDefault(name, List.of());
        if (v.isEmpty() || v.get(0) == null) return fallback;
        return v.get(0).length() > 300 ? v.get(0).substring(0, 300) : v.get(0); // bounded, like the fields themselves
    }
}
