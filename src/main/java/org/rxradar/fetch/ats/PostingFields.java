package org.rxradar.fetch.ats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;
import org.rxradar.model.UsStates;

/**
 * The small conversions every API reader needs: a JSON field as text, a platform's employment
 * words, a "City, ST" location and a pay range in some period, into the model's forms.
 */
final class PostingFields {
    private static final Pattern REMOTE = Pattern.compile("(?i)\\b(remote|work from home|telework|telecommute|anywhere in the u\\.?s)");
    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");
    private static final Pattern REMOTE_PREFIX = Pattern.compile("(?i)^\\s*(remote|hybrid)\\s*[-:/|–]\\s*|\\s*[-:/|–]\\s*(remote|hybrid)\\s*$");
    private static final List<String> COUNTRIES = List.of("us", "usa", "u.s.", "u.s.a.", "united states", "united states of america");

    private PostingFields() {}

    /** The trimmed text of a scalar field; null when missing, null, blank or not a scalar. */
    static String text(JsonNode parent, String field) {
        if (parent == null) return null;
        return text(parent.get(field));
    }

    static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) return null;
        String t = n.asText().trim();
        return t.isEmpty() ? null : t;
    }

    /** A number given as a JSON number or as text ("45000.00", "$18.50", "52,000"); null when none. */
    static Double number(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isNumber()) return n.asDouble();
        String t = text(n);
        if (t == null) return null;
        String digits = t.replaceAll("[^0-9.]", "");
        if (digits.isEmpty()) return null;
        try {
            return Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * FULL_TIME, PART_TIME, PER_DIEM, CONTRACT or TEMPORARY for the usual words ("Full-time",
     * "Part Time", "PRN", "Contractor", "Seasonal"); other words are kept as the platform wrote them.
     */
    static String employment(String words) {
        if (words == null || words.isBlank()) return null;
        String w = words.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").trim();
        if (w.startsWith("full time") || w.equals("fulltime") || w.equals("permanent full time")) return "FULL_TIME";
        if (w.startsWith("part time") || w.equals("parttime")) return "PART_TIME";
        if (w.equals("per diem") || w.equals("prn") || w.startsWith("per diem ")) return "PER_DIEM";
        if (w.startsWith("contract")) return "CONTRACT";
        if (w.startsWith("temporary") || w.equals("temp") || w.equals("seasonal")) return "TEMPORARY";
        return words.trim();
    }

    /**
     * A published location ("Houston, TX", "Austin, Texas, United States", "Remote - US",
     * "Denver, CO (Hybrid)") with the city and two-letter state where it states them plainly.
     * Null when there is no text and the platform does not say the job is remote.
     */
    static Place place(String text, boolean remote) {
        if (text == null || text.isBlank()) return remote ? new Place("Remote", null, null, true) : null;
        boolean isRemote = remote || REMOTE.matcher(text).find();
        String rest = PARENTHESES.matcher(text).replaceAll(" ");
        rest = REMOTE_PREFIX.matcher(rest).replaceAll("").trim();
        List<String> parts = new ArrayList<>();
        for (String p : rest.split(",")) {
            String t = p.trim().replaceAll("\\s+\\d{5}(-\\d{4})?$", ""); // "Texas 77030"
            if (!t.isEmpty()) parts.add(t);
        }
        while (!parts.isEmpty() && COUNTRIES.contains(parts.get(parts.size() - 1).toLowerCase(Locale.ROOT))) {
            parts.remove(parts.size() - 1);
        }
        String city = null;
        String state = null;
        if (parts.size() >= 2) {
            state = UsStates.code(parts.get(parts.size() - 1));
            if (state != null && !REMOTE.matcher(parts.get(0)).find()) city = parts.get(0);
        } else if (parts.size() == 1) {
            state = UsStates.code(parts.get(0));
        }
        return new Place(text.trim(), city, state, isRemote);
    }

    /** The period a pay figure is quoted in, as the platforms name it. */
    enum Period { HOUR, DAY, WEEK, TWO_WEEKS, MONTH, YEAR }

    /**
     * Pay in the model's units: hourly stays hourly, a day rate becomes hourly at 8 hours, weekly,
     * fortnightly and monthly pay become annual. Null when there is no figure or no known period.
     */
    static Salary salary(Double min, Double max, Period period, String currency) {
        if ((min == null && max == null) || period == null) return null;
        if (min != null && max != null && min > max) {
            Double t = min;
            min = max;
            max = t;
        }
        double factor = switch (period) {
            case HOUR, YEAR -> 1;
            case DAY -> 1.0 / 8;
            case WEEK -> 52;
            case TWO_WEEKS -> 26;
            case MONTH -> 12;
        };
        Salary.Unit unit = period == Period.HOUR || period == Period.DAY ? Salary.Unit.HOUR : Salary.Unit.YEAR;
        return new Salary(min == null ? null : min * factor, max == null ? null : max * factor, unit,
                currency == null ? null : currency.trim().toUpperCase(Locale.ROOT));
    }
}
