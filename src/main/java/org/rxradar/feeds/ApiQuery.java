package org.rxradar.feeds;

import org.rxradar.view.ViewQuery;
import org.rxradar.view.FeedView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rxradar.filter.LeadFilterParams;
import org.rxradar.model.InvalidValueException;
import org.rxradar.model.Kind;
import org.rxradar.model.TaggedItem;
import org.rxradar.web.http.HttpProblem;
import org.rxradar.web.http.Query;

/**
 * A query of {@code /api/items} and {@code /api/items.csv}: the feed filters ({@link ViewQuery}),
 * plus {@code since} (an ISO instant or date), {@code q} (words, all of which must appear in the
 * title, summary or employer, any case), {@code limit} and {@code cursor}.
 *
 * <p>A cursor is opaque to clients: base64url of the last item's publication time (epoch
 * milliseconds) and id. Items are ordered by that pair, newest first, so a cursor stays valid
 * while items arrive: the next page starts right after the item it names.
 *
 * @param afterMillis with {@code afterId}: where the page starts; afterId null for the first page
 */
record ApiQuery(ViewQuery filters, Instant since, List<String> words, int limit, long afterMillis, String afterId) {
    static final List<String> PARAMETERS = List.of("kind", "settings", "topics", "states", "near", "radius", "remote",
            "min-pay", "include-unpaid", "since", "q", "limit", "cursor");

    /** Singular spellings accepted for the plural names. */
    private static final Map<String, String> ALIASES = Map.of("setting", "settings", "topic", "topics", "state", "states");

    /** @throws HttpProblem 400 with one line naming each bad parameter */
    static ApiQuery parse(Query query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String text = null;
        for (Map.Entry<String, List<String>> given : query.withNames(ALIASES).asMap().entrySet()) {
            String name = given.getKey();
            for (String value : given.getValue()) {
                if (name.equals("q")) { // free text keeps its commas
                    text = text == null ? value : text + " " + value;
                    continue;
                }
                List<String> values = params.computeIfAbsent(name, n -> new ArrayList<>());
                for (String v : value.split(",")) if (!v.isBlank()) values.add(v.trim());
                if (values.isEmpty()) throw bad(name + ": has no value");
            }
        }
        ViewQuery q = ViewQuery.all().withLimit(ViewQuery.MAX_LIMIT);
        Instant since = null;
        int limit = ViewQuery.DEFAULT_LIMIT;
        long afterMillis = 0;
        String afterId = null;
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            List<String> values = p.getValue();
            String name = p.getKey();
            try {
                switch (name) {
                    case "settings" -> q = q.withSettings(values);
                    case "topics" -> q = q.withTopics(values);
                    case "states" -> q = q.withStates(values);
                    case "kind" -> q = q.withKind(Kind.parse(one(name, values)));
                    case "since" -> since = instant(one(name, values));
                    case "limit" -> limit = limit(one(name, values));
                    case "cursor" -> {
                        String[] c = cursor(one(name, values));
                        afterMillis = Long.parseLong(c[0]);
                        afterId = c[1];
                    }
                    case "min-pay", "include-unpaid", "near", "radius", "remote" -> { } // read together below
                    default -> throw new IllegalArgumentException("unknown parameter (valid: " + String.join(", ", PARAMETERS) + ")");
                }
            } catch (InvalidValueException e) {
                throw bad(e.getMessage());
            } catch (IllegalArgumentException e) {
                throw bad(name + ": " + e.getMessage());
            }
        }
        try {
            q = q.withLeads(LeadFilterParams.read(params));
        } catch (InvalidValueException e) {
            throw bad(e.getMessage());
        }
        List<String> words = new ArrayList<>();
        if (text != null) for (String w : text.toLowerCase(Locale.ROOT).split("\\s+")) if (!w.isBlank()) words.add(w);
        return new ApiQuery(q, since, List.copyOf(words), limit, afterMillis, afterId);
    }

    /** True when every word of {@code q} is in the item's title, summary or employer. */
    boolean matchesText(TaggedItem item) {
        if (words.isEmpty()) return true;
        String text = (nz(item.title()) + "\n" + nz(item.summary()) + "\n" + nz(item.employer())).toLowerCase(Locale.ROOT);
        for (String w : words) if (!text.contains(w)) return false;
        return true;
    }

    /** The cursor that continues after this item. */
    static String cursorAfter(TaggedItem item) {
        String raw = FeedView.sortTime(item).toEpochMilli() + ":" + item.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] cursor(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon < 1 || colon == raw.length() - 1) throw new IllegalArgumentException();
            Long.parseLong(raw.substring(0, colon));
            return new String[] {raw.substring(0, colon), raw.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a cursor this server gave (use the \"next\" value of the previous page)");
        }
    }

    private static int limit(String text) {
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
        if (n < 1 || n > ViewQuery.MAX_LIMIT) throw new IllegalArgumentException(n + " is outside 1.." + ViewQuery.MAX_LIMIT);
        return n;
    }

    private static Instant instant(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date (2026-11-30) or an instant (2026-11-30T08:00:00Z)");
        }
    }

    private static String one(String name, List<String> values) {
        if (values.size() > 1) throw new IllegalArgumentException("give one value, not " + String.join(",", values));
        return values.get(0);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static HttpProblem bad(String message) {
        return HttpProblem.badRequest("Bad query: " + message.replace('\n', ' ') + "\n");
    }
}
