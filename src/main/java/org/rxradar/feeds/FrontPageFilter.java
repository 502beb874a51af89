package org.rxradar.feeds;

import org.rxradar.view.ViewQuery;
import org.rxradar.filter.LeadFilterParams;
import org.rxradar.model.FieldProblem;
import org.rxradar.model.InvalidValueException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rxradar.model.Kind;
import org.rxradar.model.Labels;
import org.rxradar.model.Taxonomy;
import org.rxradar.web.http.Query;

/**
 * The front page's filters, read from its GET query so that every filtered view is a URL to share
 * or bookmark: {@code /?kind=job&setting=hospital&state=TX}. Each filter is one field of the form
 * and one component here; a value that is not valid is dropped with a one-line problem naming the
 * field, and the other filters still apply. To add a filter: a component, its parsing in
 * {@link #parse}, its pairs in {@link #pairs}, and one {@code <div class="field">} in {@code home.peb}.
 *
 * @param kind    "job" (the default), "news" or "all"
 * @param setting a settings id, or "" for every setting
 * @param topic   a topics id, or ""
 * @param state   a two-letter state code, or ""
 * @param leads   pay floor and distance ({@code min-pay}, {@code include-unpaid}, {@code near}, {@code radius},
 *                {@code remote}: the feeds' and the API's parameters)
 */
record FrontPageFilter(String kind, String setting, String topic, String state, org.rxradar.filter.LeadFilter leads,
                       List<String> problems) {
    static final List<String> STATES = org.rxradar.web.page.FormChoices.STATES;
    static final int LIMIT = 30;

    static FrontPageFilter parse(String rawQuery) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> params = parameters(rawQuery, problems);
        String kind = one(params, "kind", problems);
        if (kind.isEmpty()) kind = "job";
        if (!List.of("job", "news", "all").contains(kind)) {
            problems.add("kind: '" + clip(kind) + "' is not job, news or all; showing job leads");
            kind = "job";
        }
        String setting = one(params, "settings", problems);
        if (!setting.isEmpty() && !Taxonomy.isSetting(setting)) {
            problems.add("setting: '" + clip(setting) + "' is not a pharmacy setting; showing every setting");
            setting = "";
        }
        String topic = one(params, "topics", problems);
        if (!topic.isEmpty() && !Taxonomy.isTopic(topic)) {
            problems.add("topic: '" + clip(topic) + "' is not a topic; showing every topic");
            topic = "";
        }
        String state = one(params, "state", problems).toUpperCase(Locale.ROOT);
        if (!state.isEmpty() && !STATES.contains(state)) {
            problems.add("state: '" + clip(state) + "' is not a two-letter state code such as TX; showing every state");
            state = "";
        }
        org.rxradar.filter.LeadFilter leads = leads(params, problems);
        for (String name : params.keySet()) {
            if (!List.of("kind", "settings", "topics", "state").contains(name) && !LeadFilterParams.NAMES.contains(name))
                problems.add(clip(name) + ": not a filter here; ignored");
        }
        return new FrontPageFilter(kind, setting, topic, state, leads, List.copyOf(problems));
    }

    /** Pay floor and distance; a bad value is dropped with its problem and the others still apply. */
    private static org.rxradar.filter.LeadFilter leads(Map<String, List<String>> params, List<String> problems) {
        Map<String, List<String>> given = new java.util.LinkedHashMap<>();
        for (String name : LeadFilterParams.NAMES) if (!params.getOrDefault(name, List.of()).isEmpty()) given.put(name, params.get(name));
        while (true) {
            try {
                return LeadFilterParams.read(given);
            } catch (InvalidValueException e) {
                for (FieldProblem p : e.problems()) {
                    problems.add(p.field() + ": " + p.message() + "; ignored");
                    // a radius without its ZIP (or the other way round) goes with it
                    given.remove(p.field());
                    if (p.field().equals("near")) given.remove("radius");
                }
                if (e.problems().stream().noneMatch(p -> LeadFilterParams.NAMES.contains(p.field()))) return org.rxradar.filter.LeadFilter.NONE;
            }
        }
    }

    /** Name to values; an empty value (the form's "any" choice) is no value, singular and plural names are one. */
    private static Map<String, List<String>> parameters(String rawQuery, List<String> problems) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        Query query = Query.parse(rawQuery, bad -> problems.add("query: malformed percent-encoding in '" + bad + "'; ignored"));
        for (Map.Entry<String, List<String>> given : query.withNames(FeedRequest.ALIASES).asMap().entrySet()) {
            String name = given.getKey();
            if (name.isEmpty()) continue;
            List<String> values = out.computeIfAbsent(name, n -> new ArrayList<>());
            for (String value : given.getValue()) if (!value.trim().isEmpty()) values.add(value.trim());
        }
        return out;
    }

    private static String one(Map<String, List<String>> params, String name, List<String> problems) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) problems.add(name + ": one value at a time here; using '" + clip(values.get(0)) + "'");
        return values.isEmpty() ? "" : values.get(0).trim().toLowerCase(Locale.ROOT);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    ViewQuery query() {
        ViewQuery q = ViewQuery.all().withLimit(LIMIT);
        if (!kind.equals("all")) q = q.withKind(Kind.parse(kind));
        if (!setting.isEmpty()) q = q.withSettings(List.of(setting));
        if (!topic.isEmpty()) q = q.withTopics(List.of(topic));
        if (!state.isEmpty()) q = q.withStates(List.of(state));
        return q.withLeads(leads);
    }

    boolean isFiltered() {
        return !setting.isEmpty() || !topic.isEmpty() || !state.isEmpty() || !kind.equals("job")
                || !LeadFilterParams.canonical(leads).isEmpty();
    }

    /** "Hospital job leads in TX": what the list shows, in words. */
    String describe() {
        String what = switch (kind) {
            case "news" -> "news";
            case "all" -> "job leads and news";
            default -> "job leads";
        };
        StringBuilder s = new StringBuilder();
        if (!setting.isEmpty()) s.append(Labels.of(setting)).append(' ');
        s.append(s.isEmpty() ? Character.toUpperCase(what.charAt(0)) + what.substring(1) : what);
        if (!topic.isEmpty()) s.append(" about ").append(Labels.of(topic).toLowerCase(Locale.ROOT));
        if (!state.isEmpty()) s.append(" in ").append(state);
        if (leads.near() != null) s.append(" within ").append(leads.radius()).append(" miles of ").append(leads.near());
        if (leads.minPay() != null) s.append(", ").append(LeadFilterParams.number(leads.minPay())).append(" $/hr or more");
        return s.toString();
    }

    /** The same filters as a feed: {@code /feeds/all.atom?kind=job&settings=hospital&state=TX}. */
    String feedUrl() {
        List<String> p = new ArrayList<>();
        if (!kind.equals("all")) p.add("kind=" + kind);
        if (!setting.isEmpty()) p.add("settings=" + setting);
        if (!topic.isEmpty()) p.add("topics=" + topic);
        if (!state.isEmpty()) p.add("state=" + state);
        p.addAll(LeadFilterParams.canonical(leads));
        return "/feeds/all.atom" + (p.isEmpty() ? "" : "?" + String.join("&", p));
    }

    /** The subscribe form filled in with the same filters ({@code /subscriptions?settings=…&kinds=jobs…}). */
    String subscribeUrl() {
        List<String> p = new ArrayList<>();
        if (kind.equals("job")) p.add("kinds=jobs");
        if (kind.equals("news")) p.add("kinds=news");
        if (!setting.isEmpty()) p.add("settings=" + setting);
        if (!topic.isEmpty()) p.add("topics=" + topic);
        if (!state.isEmpty()) p.add("states=" + state);
        if (leads.minPay() != null) p.add("min-pay=" + LeadFilterParams.number(leads.minPay()));
        if (leads.near() != null) p.add("zip=" + leads.near() + "&radius=" + leads.radius());
        return "/subscriptions" + (p.isEmpty() ? "" : "?" + String.join("&", p));
    }

    /** The page's own URL with these filters, for links that keep them. */
    String pageUrl() {
        List<String> p = new ArrayList<>();
        if (!kind.equals("job")) p.add("kind=" + kind);
        if (!setting.isEmpty()) p.add("setting=" + setting);
        if (!topic.isEmpty()) p.add("topic=" + topic);
        if (!state.isEmpty()) p.add("state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
        p.addAll(LeadFilterParams.canonical(leads));
        return "/" + (p.isEmpty() ? "" : "?" + String.join("&", p));
    }
}
