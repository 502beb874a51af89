package org.rxradar.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one robots.txt for one user-agent token (RFC 9309): the group naming our token,
 * else the {@code *} group; longest matching path wins, Allow wins a tie; {@code *} and {@code $}
 * wildcards supported.
 */
final class RobotsRules {
    static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());
    static final RobotsRules DISALLOW_ALL = new RobotsRules(List.of(new Rule("/", false)));

    record Rule(String pattern, boolean allow) {}

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = rules;
    }

    static RobotsRules parse(String text, String agentToken) {
        String token = agentToken.toLowerCase(Locale.ROOT);
        List<Rule> mine = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        boolean foundMine = false;
        List<String> agents = new ArrayList<>();
        boolean inRules = false;
        List<Rule> current = null;
        for (String raw : text.split("\\r?\\n|\\r")) {
            String line = raw.replaceAll("#.*", "").trim();
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (key.equals("user-agent")) {
                if (inRules) {
                    agents.clear();
                    inRules = false;
                }
                agents.add(value.toLowerCase(Locale.ROOT));
                continue;
            }
            if (key.equals("allow") || key.equals("disallow")) {
                if (!inRules) {
                    inRules = true;
                    boolean isMine = agents.stream().anyMatch(a -> !a.equals("*") && !a.isEmpty() && token.startsWith(a));
                    current = isMine ? mine : agents.contains("*") ? star : null;
                    foundMine |= isMine;
                }
                if (current != null && !value.isEmpty()) current.add(new Rule(value, key.equals("allow")));
            }
        }
        return new RobotsRules(foundMine ? mine : star);
    }

    boolean allows(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        Rule best = null;
        for (Rule r : rules) {
            if (matches(r.pattern(), path) && (best == null || r.pattern().length() > best.pattern().length()
                    || r.pattern().length() == best.pattern().length() && r.allow())) {
                best = r;
            }
        }
        return best == null || best.allow();
    }

    private static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        StringBuilder regex = new StringBuilder("^");
        for (String part : p.split("\\*", -1)) {
            if (regex.length() > 1) regex.append(".*");
            regex.append(java.util.regex.Pattern.quote(part));
        }
        if (anchored) regex.append('$');
        return java.util.regex.Pattern.compile(regex.toString()).matcher(path).find();
    }
}
