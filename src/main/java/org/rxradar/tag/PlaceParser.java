package org.rxradar.tag;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rxradar.model.Place;
import org.rxradar.model.UsStates;

/**
 * Reads a published location ("Fresno, CA", "Austin, Texas 78701", "Remote", "Seattle, WA (Remote)",
 * "Remote - Denver, CO") into a {@link Place} with a two-letter US state.
 */
final class PlaceParser {
    private static final Pattern PARENTHESISED_REMOTE = Pattern.compile("(?i)\\((remote|hybrid)[^)]*\\)");
    private static final Pattern REMOTE_WORD = Pattern.compile("(?i)\\b(remote|hybrid|work from home|wfh|telecommute|virtual|anywhere)\\b\\s*[-:/|]?");
    private static final Pattern COUNTRY = Pattern.compile("(?i)\\b(united states|usa|us)\\b");
    private static final Pattern ZIP = Pattern.compile("\\b\\d{5}(-\\d{4})?\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern EDGES = Pattern.compile("^[-,;/| ]+|[-,;/| ]+$");
    private static final Set<String> REMOTE_WORDS = Set.of("remote", "work from home", "wfh", "telecommute", "virtual", "anywhere");

    private PlaceParser() {}

    /** Full US state names ("New York"), for rules phrases with a {state} slot. */
    static java.util.List<String> stateNames() {
        return UsStates.names();
    }

    /** The common "Fresno, CA" form without regular expressions; null when the text is anything else. */
    private static Place cityCommaState(String text, boolean remote) {
        int comma = text.indexOf(',');
        if (comma <= 0 || comma != text.lastIndexOf(',')) return null;
        String state = text.substring(comma + 1).trim();
        if (state.length() != 2) return null;
        String code = UsStates.lowerCaseCode(state.toLowerCase(Locale.ROOT));
        String city = text.substring(0, comma).trim();
        if (code == null || city.toLowerCase(Locale.ROOT).contains("remote")) return null;
        return new Place(text, city, code, remote);
    }

    // "Location: Temple, TX · Baylor…": the labelled place job boards put in descriptions
    private static final Pattern LABELLED = Pattern.compile("(?i)\\b(?:location|located in|job location|work location)\\s*:\\s*([^\\n·|–—(;]{2,100})");
    private static final Pattern CITY_STATE = Pattern.compile("\\b([A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3}),\\s*([A-Z]{2})\\b");

    /**
     * A job lead's place from its text when the source gave no location field: the labelled
     * "Location: City, ST" first, else the first "City, ST" with a real state code. Null when none.
     */
    static Place fromText(String text, boolean remote) {
        if (text == null || text.isBlank()) return null;
        Matcher labelled = LABELLED.matcher(text);
        if (labelled.find()) {
            Place p = lastCityState(labelled.group(1), remote);
            if (p != null) return p;
        }
        Matcher m = CITY_STATE.matcher(text);
        while (m.find()) {
            String code = UsStates.lowerCaseCode(m.group(2).toLowerCase(Locale.ROOT));
            if (code != null && code.equals(m.group(2))) return new Place(m.group(), m.group(1), code, remote);
        }
        return null;
    }

    private static Place lastCityState(String text, boolean remote) {
        Matcher m = CITY_STATE.matcher(text);
        Place found = null;
        while (m.find()) {
            String code = UsStates.lowerCaseCode(m.group(2).toLowerCase(Locale.ROOT));
            if (code != null && code.equals(m.group(2))) found = new Place(m.group(), m.group(1).trim(), code, remote);
        }
        return found;
    }

    static Place parse(String location, boolean remoteFromText) {
        if (location == null || location.isBlank()) return remoteFromText ? new Place(null, null, null, true) : null;
        String text = location.trim();
        Place simple = cityCommaState(text, remoteFromText);
        if (simple != null) return simple;
        String lower = text.toLowerCase(Locale.ROOT);
        boolean remote = remoteFromText;
        for (String w : REMOTE_WORDS) if (lower.contains(w)) remote = true;
        String rest = PARENTHESISED_REMOTE.matcher(text).replaceAll(" ");
        rest = REMOTE_WORD.matcher(rest).replaceAll(" ");
        rest = COUNTRY.matcher(rest).replaceAll(" ");
        rest = ZIP.matcher(rest).replaceAll(" ");
        rest = EDGES.matcher(SPACES.matcher(rest).replaceAll(" ").trim()).replaceAll("");
        if (rest.isEmpty()) return new Place(text, null, null, remote);
        String[] parts = rest.split("\\s*,\\s*");
        String city = null, state = null;
        if (parts.length >= 2) {
            state = UsStates.lowerCaseCode(parts[parts.length - 1].trim().toLowerCase(Locale.ROOT));
            city = parts[0].trim();
        } else {
            state = UsStates.lowerCaseCode(rest.toLowerCase(Locale.ROOT));
            if (state == null) {
                // "Fresno CA": a trailing two-letter state without a comma
                int sp = rest.lastIndexOf(' ');
                if (sp > 0) state = UsStates.lowerCaseCode(rest.substring(sp + 1).toLowerCase(Locale.ROOT));
                city = state != null ? rest.substring(0, sp).trim() : rest;
            }
        }
        if (city != null && city.isEmpty()) city = null;
        return new Place(text, city, state, remote);
    }
}
