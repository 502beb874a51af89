package org.rxradar.web.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The parameters of a raw query string ({@code a=1&b=x%20y&a=2}), decoded once as a form is
 * (percent-encoding, {@code +} for a space), in order, a repeated name keeping every value. The
 * routes read their own names from it; a bad value becomes a 400 naming the parameter.
 */
public final class Query {
    /** More pairs than any of our pages or feeds takes: refused rather than parsed. */
    static final int MAX_PAIRS = 200;
    private static final Query EMPTY = new Query(Map.of());

    private final Map<String, List<String>> values;

    private Query(Map<String, List<String>> values) {
        this.values = values;
    }

    public static Query empty() {
        return EMPTY;
    }

    /** @throws HttpProblem 400 for broken percent-encoding or too many parameters */
    public static Query parse(String rawQuery) {
        return parse(rawQuery, bad -> {
            throw HttpProblem.badRequest("Bad query: malformed percent-encoding in '" + bad + "'\n");
        });
    }

    /** As {@link #parse(String)}, but a pair that does not decode goes to {@code badPair} and is skipped. */
    public static Query parse(String rawQuery, Consumer<String> badPair) {
        if (rawQuery == null || rawQuery.isEmpty()) return EMPTY;
        Map<String, List<String>> out = new LinkedHashMap<>();
        int count = 0;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            if (++count > MAX_PAIRS) throw HttpProblem.badRequest("Bad query: too many parameters (more than " + MAX_PAIRS + ")\n");
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = decode(eq < 0 ? pair : pair.substring(0, eq));
                value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                badPair.accept(pair.length() > 40 ? pair.substring(0, 40) + "…" : pair);
                continue;
            }
            out.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return new Query(Collections.unmodifiableMap(out));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Name → decoded values, in the order given. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    /**
     * The same pairs under canonical names: each name trimmed and lower-cased, then renamed by
     * {@code aliases} (another spelling → the name used), values of names that meet merged in order.
     * Filters accept "setting" for "settings" and the like; this is the one place that says how.
     */
    public Query withNames(Map<String, String> aliases) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> given : values.entrySet()) {
            String name = given.getKey().trim().toLowerCase(Locale.ROOT);
            name = aliases.getOrDefault(name, name);
            out.computeIfAbsent(name, n -> new ArrayList<>()).addAll(given.getValue());
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return new Query(Collections.unmodifiableMap(out));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Every value given for the name, in order; empty when it is absent. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The first value given for the name. */
    public Optional<String> first(String name) {
        List<String> v = all(name);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * Refuses names outside {@code known}.
     *
     * @throws HttpProblem 400 naming the first unknown parameter and the valid ones
     */
    public Query allowOnly(Collection<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw HttpProblem.badRequest("Bad query: unknown parameter '" + clip(name) + "' (valid: " + String.join(", ", known) + ")\n");
            }
        }
        return this;
    }

    /**
     * A whole number from {@code min} to {@code max}, or {@code absent} when the parameter is not given.
     *
     * @throws HttpProblem 400 naming the parameter when it is given twice, not a number or out of range
     */
    public int intValue(String name, int absent, int min, int max) {
        List<String> v = all(name);
        if (v.isEmpty()) return absent;
        String problem = "Bad query: " + name + " must be one whole number from " + min + " to " + max + "\n";
        if (v.size() > 1) throw HttpProblem.badRequest(problem);
        try {
            int n = Integer.parseInt(v.get(0).trim());
            if (n < min || n > max) throw HttpProblem.badRequest(problem);
            return n;
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest(problem);
        }
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    @Override
    public String toString() {
        return "Query" + values.keySet(); // names only: values may be tokens
    }
}
