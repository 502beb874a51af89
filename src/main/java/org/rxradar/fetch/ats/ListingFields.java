package org.rxradar.fetch.ats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.rxradar.model.Place;
import org.rxradar.model.UsStates;

/**
 * The fields applicant-tracking APIs spell each their own way, read one way: a place
 * ("Austin, TX", "TX - Austin", "US-NC-Winston-Salem", "2 Locations"), an employment type
 * ("Full time", "Part-time") and description HTML that some tenants escape once more.
 */
public final class ListingFields {
    private static final Pattern ESCAPED_TAG = Pattern.compile("(?i)&lt;/?[a-z][a-z0-9]*\\b[^<>]*?&gt;");
    private static final Pattern SEVERAL = Pattern.compile("(?i)^\\d+\\s+locations?$");
    private static final Pattern ZIP = Pattern.compile("^\\d{5}(-\\d{4})?$");
    private static final Pattern STATE_ZIP = Pattern.compile("^([A-Za-z]{2})\\s+\\d{5}(-\\d{4})?$");
    private static final Pattern REMOTE = Pattern.compile("(?i)\\b(remote|work from home|telecommute|virtual)\\b");
    private static final Set<String> COUNTRIES = Set.of("us", "usa", "u.s.", "u.s.a.", "united states",
            "united states of america");

    private ListingFields() {}

    /**
     * The place a location text names, with a two-letter state where one can be read; null for a
     * blank text. "2 Locations" (a listing's summary of several) keeps its text and nothing else.
     */
    public static Place place(String text, boolean remote) {
        if (text == null || text.isBlank()) return remote ? new Place(null, null, null, true) : null;
        String t = text.trim().replaceAll("\\s+", " ");
        remote = remote || REMOTE.matcher(t).find();
        if (SEVERAL.matcher(t).matches()) return new Place(t, null, null, remote);
        List<String> parts = t.contains(",") ? split(t, ",")
                : t.contains(" - ") ? split(t, " - ")
                : t.matches("^[A-Za-z]{2,3}-[A-Za-z]{2}-.+") || t.matches("^[A-Za-z]{2}-.+") ? split(t, "-")
                : List.of(t);
        String separator = t.contains(",") ? ", " : t.contains(" - ") ? " - " : "-";
        parts = new ArrayList<>(parts);
        parts.removeIf(p -> COUNTRIES.contains(p.toLowerCase(Locale.ROOT)) || ZIP.matcher(p).matches()
                || REMOTE.matcher(p).replaceAll("").isBlank());
        // the state: the last part that names one ("Austin, TX 78701" counts)
        int at = -1;
        String state = null;
        for (int i = parts.size() - 1; i >= 0 && state == null; i--) {
            String p = parts.get(i);
            java.util.regex.Matcher zip = STATE_ZIP.matcher(p);
            state = UsStates.code(zip.matches() ? zip.group(1) : p);
            if (state != null) at = i;
        }
        if (state == null && parts.size() == 1) {
            // "Austin TX": a trailing upper-case code without a comma
            String p = parts.get(0);
            int sp = p.lastIndexOf(' ');
            String tail = sp > 0 ? p.substring(sp + 1) : "";
            if (tail.length() == 2 && tail.equals(tail.toUpperCase(Locale.ROOT)) && UsStates.code(tail) != null) {
                return new Place(t, p.substring(0, sp).trim(), tail, remote);
            }
            return new Place(t, null, null, remote);
        }
        if (state == null) return new Place(t, null, null, remote);
        // the city: what follows the state ("TX - Austin"), else what precedes it ("Austin, TX")
        List<String> after = parts.subList(at + 1, parts.size());
        List<String> before = parts.subList(0, at);
        String city = !after.isEmpty() ? String.join(separator.equals(", ") ? ", " : separator, after)
                : before.isEmpty() ? null : before.get(0);
        if (city != null) city = REMOTE.matcher(city).replaceAll("").replaceAll("^[-,/| ]+|[-,/| ]+$", "").trim();
        return new Place(t, city == null || city.isEmpty() ? null : city, state, remote);
    }

    private static List<String> split(String text, String separator) {
        return Arrays.stream(text.split(Pattern.quote(separator))).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    /** FULL_TIME, PART_TIME, PER_DIEM, CONTRACT or TEMPORARY from a platform's label; null for anything else. */
    public static String employment(String label) {
        if (label == null) return null;
        String l = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (l.startsWith("fulltime")) return "FULL_TIME";
        if (l.startsWith("parttime")) return "PART_TIME";
        if (l.startsWith("perdiem") || l.equals("prn")) return "PER_DIEM";
        if (l.startsWith("contract")) return "CONTRACT";
        if (l.startsWith("temp")) return "TEMPORARY";
        return null;
    }

    /**
     * Description HTML as the item wants it. Some tenants send their HTML escaped once more
     * ({@code &lt;p&gt;Pharmacy&amp;nbsp;…}), which would otherwise reach readers as visible tags:
     * such text is decoded once here, the item factory cleans what remains.
     */
    public static String html(String raw) {
        if (raw == null || raw.isBlank()) return null;
        if (!ESCAPED_TAG.matcher(raw).find()) return raw;
        return Jsoup.parseBodyFragment(raw).text();
    }

    /** A JSON field's text, trimmed; null when absent, null, blank or not a value. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isValueNode() || v.isNull()) return null;
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }
}
