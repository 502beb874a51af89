package org.rxradar.feeds;

import org.rxradar.view.ViewQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rxradar.filter.LeadFilterParams;
import org.rxradar.model.Kind;
import org.rxradar.model.Taxonomy;
import org.rxradar.web.http.HttpProblem;
import org.rxradar.web.http.Query;

/**
 * A feed request read from a path and query: what to show, in which format, under which title.
 * Two requests for the same feed are equal records, so it serves as the key of rendered feeds.
 *
 * @param selfPath the canonical path and query of this feed, for its id and self link
 */
public record FeedRequest(FeedFormat format, ViewQuery query, String title, String description, String selfPath) {
    private static final Pattern FACET_FEED = Pattern.compile("/feeds/(settings|topics)/([^/]+)\\.([a-z]+)");
    private static final Pattern NAMED_FEED = Pattern.compile("/feeds/(jobs|news|all)\\.([a-z]+)");
    static final List<String> PARAMETERS = List.of("settings", "topics", "kind", "state", "limit", "min-pay",
            "include-unpaid", "near", "radius", "remote");

    /** True for paths this class answers (a 404 from {@link #parse} then names the valid ids). */
    public static boolean handles(String path) {
        return path.startsWith("/feeds/");
    }

    /**
     * @throws HttpProblem 404 for an unknown feed or id (listing the valid ones), 400 for a bad query
     */
    public static FeedRequest parse(String path, Query given) {
        Map<String, List<String>> params = parameters(given);
        Matcher facet = FACET_FEED.matcher(path);
        Matcher named = NAMED_FEED.matcher(path);
        ViewQuery query = filters(params);
        FeedFormat format;
        String title;
        String description;
        if (facet.matches()) {
            format = format(facet.group(3), path);
            String id = facet.group(2);
            boolean isSetting = facet.group(1).equals("settings");
            List<String> valid = isSetting ? Taxonomy.SETTINGS : Taxonomy.TOPICS;
            String facetName = isSetting ? "setting" : "topic";
            if (!valid.contains(id)) {
                throw HttpProblem.notFound("Unknown " + facetName + " '" + id + "'. Valid " + facetName + "s: "
                        + String.join(", ", valid) + "\n");
            }
            if (isSetting) {
                if (!query.settings().isEmpty()) throw HttpProblem.badRequest("a setting feed cannot take a 'settings' filter; use /feeds/all." + format.extension() + "?settings=...\n");
                query = query.withSettings(List.of(id));
            } else {
                if (!query.topics().isEmpty()) throw HttpProblem.badRequest("a topic feed cannot take a 'topics' filter; use /feeds/all." + format.extension() + "?topics=...\n");
                query = query.withTopics(List.of(id));
            }
            title = "RxRadar: " + id + (isSetting ? " pharmacy" : "");
            description = "Pharmacy technician job leads and news tagged with the " + facetName + " '" + id + "'";
        } else if (named.matches()) {
            format = format(named.group(2), path);
            String name = named.group(1);
            Kind kind = name.equals("jobs") ? Kind.JOB : name.equals("news") ? Kind.NEWS : null;
            if (kind != null) {
                if (query.kind() != null && query.kind() != kind) {
                    throw HttpProblem.badRequest("kind=" + query.kind().name().toLowerCase(Locale.ROOT) + " contradicts the " + name + " feed\n");
                }
                query = query.withKind(kind);
            }
            title = switch (name) {
                case "jobs" -> "RxRadar: pharmacy technician job leads";
                case "news" -> "RxRadar: pharmacy technician news";
                default -> "RxRadar: job leads and news";
            };
            description = "Relevant items for pharmacy technicians, newest first";
        } else {
            throw HttpProblem.notFound("No feed at " + path + ". Feeds: /feeds/settings/{id}.atom|.rss, /feeds/topics/{id}.atom|.rss, "
                    + "/feeds/jobs.atom, /feeds/news.atom, /feeds/all.atom; settings: " + String.join(", ", Taxonomy.SETTINGS)
                    + "; topics: " + String.join(", ", Taxonomy.TOPICS) + ". Every feed is listed in /feeds.opml\n");
        }
        String selfPath = path.substring(0, path.lastIndexOf('.') + 1) + format.extension() + canonicalQuery(query, path);
        return new FeedRequest(format, query, title + filterSuffix(query, path), description, selfPath);
    }

    private static FeedFormat format(String ext, String path) {
        FeedFormat f = FeedFormat.forExtension(ext);
        if (f == null) throw HttpProblem.notFound("No feed at " + path + ": the format must be .atom or .rss\n");
        return f;
    }

    private static ViewQuery filters(Map<String, List<String>> params) {
        ViewQuery q = ViewQuery.all();
        try {
            for (Map.Entry<String, List<String>> p : params.entrySet()) {
                List<String> values = p.getValue();
                switch (p.getKey()) {
                    case "settings" -> q = q.withSettings(values);
                    case "topics" -> q = q.withTopics(values);
                    case "state" -> q = q.withStates(values);
                    case "kind" -> {
                        if (values.size() > 1) throw new IllegalArgumentException("give one kind (job or news), not " + String.join(",", values));
                        q = q.withKind(Kind.parse(values.get(0)));
                    }
                    case "limit" -> {
                        if (values.size() > 1) throw new IllegalArgumentException("give one limit");
                        try {
                            q = q.withLimit(Integer.parseInt(values.get(0)));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("limit '" + values.get(0) + "' is not a whole number");
                        }
                    }
                    case "min-pay", "include-unpaid", "near", "radius", "remote" -> { } // read together below
                    default -> throw new IllegalArgumentException("unknown parameter '" + p.getKey() + "' (valid: " + String.join(", ", PARAMETERS) + ")");
                }
            }
            q = q.withLeads(LeadFilterParams.read(params));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("Bad query: " + e.getMessage() + "\n");
        }
        return q;
    }

    /** Other spellings of the feeds' and front page's filter names (the API names states in the plural). */
    static final Map<String, String> ALIASES = Map.of("setting", "settings", "topic", "topics", "states", "state");

    /** Name to comma-split values; singular spellings are accepted for settings and topics. */
    static Map<String, List<String>> parameters(Query query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> given : query.withNames(ALIASES).asMap().entrySet()) {
            String name = given.getKey();
            List<String> values = out.computeIfAbsent(name, n -> new ArrayList<>());
            for (String value : given.getValue()) {
                for (String v : value.split(",")) {
                    if (!v.isBlank()) values.add(v.trim());
                }
                if (values.isEmpty()) throw HttpProblem.badRequest("Bad query: parameter '" + name + "' has no value\n");
            }
        }
        return out;
    }

    // only the filters the path does not already imply, so that /feeds/jobs.atom stays without a query
    private static String canonicalQuery(ViewQuery q, String path) {
        List<String> parts = new ArrayList<>();
        if (!path.startsWith("/feeds/settings/") && !q.settings().isEmpty()) parts.add("settings=" + String.join(",", q.settings()));
        if (!path.startsWith("/feeds/topics/") && !q.topics().isEmpty()) parts.add("topics=" + String.join(",", q.topics()));
        if (!path.startsWith("/feeds/jobs.") && !path.startsWith("/feeds/news.") && q.kind() != null) {
            parts.add("kind=" + q.kind().name().toLowerCase(Locale.ROOT));
        }
        if (!q.states().isEmpty()) parts.add("state=" + String.join(",", q.states()));
        parts.addAll(LeadFilterParams.canonical(q.leads()));
        if (q.limit() != ViewQuery.DEFAULT_LIMIT) parts.add("limit=" + q.limit());
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String filterSuffix(ViewQuery q, String path) {
        String query = canonicalQuery(q, path);
        return query.isEmpty() ? "" : " (" + query.substring(1).replace("&", "; ") + ")";
    }
}
