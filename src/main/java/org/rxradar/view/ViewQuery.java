package org.rxradar.view;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.rxradar.filter.LeadFilter;
import org.rxradar.model.Kind;
import org.rxradar.model.Taxonomy;

/**
 * What a feed shows. Within a facet the ids are alternatives (any of them matches); the facets
 * combine (all must match). An empty set or a null kind means "no filter on that facet".
 *
 * @param states two-letter US state codes, upper-case
 * @param limit  at most this many entries, newest first
 * @param leads  pay floor and distance of job leads ({@link LeadFilter#NONE} for none)
 */
public record ViewQuery(Set<String> settings, Set<String> topics, Kind kind, Set<String> states, int limit, LeadFilter leads) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public ViewQuery(Set<String> settings, Set<String> topics, Kind kind, Set<String> states, int limit) {
        this(settings, topics, kind, states, limit, LeadFilter.NONE);
    }

    public ViewQuery {
        leads = leads == null ? LeadFilter.NONE : leads;
        settings = sortedCopy(settings);
        topics = sortedCopy(topics);
        states = sortedCopy(states == null ? null : states.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList());
        for (String s : settings) {
            if (!Taxonomy.isSetting(s)) throw new IllegalArgumentException("unknown setting '" + s + "' (valid: " + String.join(", ", Taxonomy.SETTINGS) + ")");
        }
        for (String t : topics) {
            if (!Taxonomy.isTopic(t)) throw new IllegalArgumentException("unknown topic '" + t + "' (valid: " + String.join(", ", Taxonomy.TOPICS) + ")");
        }
        for (String st : states) {
            if (!st.matches("[A-Z]{2}")) throw new IllegalArgumentException("state '" + st + "' is not a two-letter code such as TX");
        }
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit " + limit + " is outside 1.." + MAX_LIMIT);
    }

    /** Every relevant item, newest first. */
    public static ViewQuery all() {
        return new ViewQuery(null, null, null, null, DEFAULT_LIMIT);
    }

    public ViewQuery withSettings(Collection<String> ids) {
        return new ViewQuery(Set.copyOf(ids), topics, kind, states, limit, leads);
    }

    public ViewQuery withTopics(Collection<String> ids) {
        return new ViewQuery(settings, Set.copyOf(ids), kind, states, limit, leads);
    }

    public ViewQuery withKind(Kind k) {
        return new ViewQuery(settings, topics, k, states, limit, leads);
    }

    public ViewQuery withStates(Collection<String> codes) {
        return new ViewQuery(settings, topics, kind, Set.copyOf(codes), limit, leads);
    }

    public ViewQuery withLimit(int n) {
        return new ViewQuery(settings, topics, kind, states, n, leads);
    }

    public ViewQuery withLeads(LeadFilter f) {
        return new ViewQuery(settings, topics, kind, states, limit, f);
    }

    // sorted so that equal queries are equal records and print alike (cache keys, logs)
    private static Set<String> sortedCopy(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) return Set.of();
        TreeSet<String> out = new TreeSet<>();
        for (String id : ids) {
            if (id != null && !id.isBlank()) out.add(id.trim());
        }
        return java.util.Collections.unmodifiableSortedSet(out);
    }
}
