package org.rxradar.fetch.discover;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.rxradar.config.Durations;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Json;

/**
 * A source as the YAML block an operator pastes under {@code sources:} in the config file (two
 * spaces in, as in {@code rxradar.example.yml}), with comments above it saying where it came from.
 * Only keys that differ from their defaults are written, so the block stays short.
 */
public final class SourceBlock {
    private static final int MAX_ID = 64;
    // what YAML reads as a plain string: no quoting needed
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:?&=%+~@,;!*()\\[\\]{}#$-]*");
    // plain scalars YAML would read as something else than a string
    private static final Pattern NOT_A_STRING = Pattern.compile("(?i)(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9._]*(e[-+]?[0-9]+)?)");

    private SourceBlock() {}

    /** One id per finding, from its {@code idBase}: lower case, at most 64 characters, unique among them. */
    public static List<String> ids(List<Finding> findings) {
        Set<String> used = new HashSet<>();
        List<String> ids = new ArrayList<>();
        for (Finding f : findings) {
            String base = SourceDiscovery.slug(f.idBase());
            String id = cut(base, MAX_ID);
            for (int n = 2; !used.add(id); n++) id = cut(base, MAX_ID - 1 - String.valueOf(n).length()) + "-" + n;
            ids.add(id);
        }
        return ids;
    }

    /**
     * The block of {@code source}: comment lines first, then the keys; {@code todo} lines come last,
     * commented out, for keys the operator has to fill in.
     */
    public static String yaml(RxRadarConfig.Source source, List<String> comments, List<String> todo) {
        StringBuilder out = new StringBuilder();
        for (String c : comments) out.append("  # ").append(oneLine(c)).append('\n');
        out.append("  - id: ").append(scalar(source.id())).append('\n');
        if (source.name() != null) key(out, "name", source.name());
        key(out, "type", source.type());
        key(out, "kind", source.kind());
        key(out, "url", source.url());
        if (source.apiUrl() != null) key(out, "api-url", source.apiUrl());
        if (source.include() != null) key(out, "include", source.include());
        key(out, "interval", Durations.format(source.interval()));
        for (String t : todo) out.append("    # ").append(oneLine(t)).append('\n');
        return out.toString();
    }

    private static void key(StringBuilder out, String key, String value) {
        out.append("    ").append(key).append(": ").append(scalar(value)).append('\n');
    }

    /** {@code value} plain when YAML reads it back as the same string, else double-quoted (JSON escapes are YAML escapes). */
    static String scalar(String value) {
        if (PLAIN.matcher(value).matches() && !value.endsWith(":") && !NOT_A_STRING.matcher(value).matches()) return value;
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot quote a string", e);
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static String cut(String s, int max) {
        String c = s.length() <= max ? s : s.substring(0, max);
        return c.endsWith("-") ? c.substring(0, c.length() - 1) : c;
    }
}
