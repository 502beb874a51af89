package org.rxradar.digest;

import org.rxradar.model.Labels;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.config.SourceNames;
import org.rxradar.model.Subscriber;
import org.rxradar.model.Certification;
import org.rxradar.model.ItemIds;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.TaggedItem;
import org.rxradar.model.Taxonomy;

/**
 * Builds one subscriber's {@link Digest} from candidate items: filter ({@link SubscriberFilter}),
 * merge near-duplicates (one entry per {@code cluster}, every link kept), rank, cap, group.
 *
 * <p>Ranking: fit (the scores of the matched tags, plus keyword and state hits) plus a recency
 * bonus of {@code 0.5 / (1 + age in days)}, age measured from the newest candidate so the order does
 * not depend on the wall clock. The cap keeps the best entries overall; they are then grouped,
 * leads by their first matched setting (in the subscriber's order, else the taxonomy's) and news by
 * their first matched topic; entries without one go under "Other".
 *
 * <p>The caller passes the candidates (relevant or not) not yet sent to this subscriber; which items
 * those are is the caller's business.
 */
public final class DigestSelector {
    static final String OTHER = "other";
    private static final DateTimeFormatter POSTED = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    /** Recency counts for at most half a matched tag: fit leads, recency orders leads of similar fit. */
    private static final double RECENCY_WEIGHT = 0.5;
    private static final int TITLE_MAX = 160;
    private static final int SUMMARY_MAX = 200;
    private static final int FIELD_MAX = 100;

    private final String baseUrl;
    private final int maxLeads;
    private final int maxNews;
    private final SourceNames sources;

    /** @param baseUrl the public base of feed links, e.g. {@code https://rxradar.example.org} */
    public DigestSelector(String baseUrl, int maxLeads, int maxNews) {
        this(baseUrl, maxLeads, maxNews, SourceNames.none());
    }

    /** @param sources the configured sources' names, shown instead of source ids */
    public DigestSelector(String baseUrl, int maxLeads, int maxNews, SourceNames sources) {
        if (maxLeads < 0 || maxNews < 0) throw new IllegalArgumentException("caps must not be negative");
        String b = Objects.requireNonNull(baseUrl, "baseUrl").trim();
        this.baseUrl = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.maxLeads = maxLeads;
        this.maxNews = maxNews;
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    public static DigestSelector fromConfig(RxRadarConfig config) {
        return new DigestSelector(config.http().publicBaseUrl(), config.digest().maxLeads(), config.digest().maxNews(),
                SourceNames.of(config.sources()));
    }

    public Digest select(Subscriber subscriber, Collection<TaggedItem> candidates, LocalDate period) {
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(period, "period");
        SubscriberFilter filter = new SubscriberFilter(subscriber);
        ZoneId zone = zoneOf(subscriber);

        // pass 1: the matching items (an item given twice, re-published after a change: the last copy wins)
        Map<String, SubscriberFilter.Match> byId = new LinkedHashMap<>();
        for (TaggedItem item : candidates) filter.match(item).ifPresent(m -> byId.put(item.id(), m));

        Map<String, Cluster> jobClusters = new LinkedHashMap<>();
        Map<String, Cluster> newsClusters = new LinkedHashMap<>();
        for (SubscriberFilter.Match m : byId.values()) {
            Map<String, Cluster> clusters = m.item().kind() == Kind.JOB ? jobClusters : newsClusters;
            clusters.computeIfAbsent(clusterKey(m.item()), k -> new Cluster(new ArrayList<>(1), new LinkedHashMap<>()))
                    .add(m);
        }
        // pass 2: copies of a matched cluster that did not match themselves (a board that left out the
        // state, say) still add their links, and their ids so that they do not come back tomorrow
        if (!jobClusters.isEmpty() || !newsClusters.isEmpty()) {
            for (TaggedItem item : candidates) {
                if (item == null || !item.relevant() || item.cluster() == null || item.cluster().isBlank()) continue;
                Cluster c = (item.kind() == Kind.JOB ? jobClusters : newsClusters).get(item.cluster());
                if (c != null) c.members().putIfAbsent(item.id(), item);
            }
        }

        List<Ranked> leads = new ArrayList<>();
        List<Ranked> news = new ArrayList<>();
        Instant newest = Instant.EPOCH;
        List<Cluster> matched = new ArrayList<>(jobClusters.values());
        matched.addAll(newsClusters.values());
        for (Cluster c : matched) {
            for (TaggedItem item : c.members().values()) {
                Instant when = when(item);
                if (when != null && when.isAfter(newest)) newest = when;
            }
        }
        for (Cluster c : matched) {
            Ranked r = rank(c, newest);
            (r.best.item().kind() == Kind.JOB ? leads : news).add(r);
        }
        Comparator<Ranked> order = Comparator.comparingDouble((Ranked r) -> r.score).reversed()
                .thenComparing(r -> when(r.best.item()), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(r -> r.best.item().id());
        leads.sort(order);
        news.sort(order);
        List<Ranked> shownLeads = leads.subList(0, Math.min(maxLeads, leads.size()));
        List<Ranked> shownNews = news.subList(0, Math.min(maxNews, news.size()));

        List<DigestSection> jobSections = group(shownLeads, subscriber.settings(), Taxonomy.SETTINGS, true, zone);
        List<DigestSection> newsSections = group(shownNews, subscriber.topics(), Taxonomy.TOPICS, false, zone);
        Set<String> ids = new LinkedHashSet<>();
        for (DigestSection s : jobSections) s.entries().forEach(e -> ids.addAll(e.itemIds()));
        for (DigestSection s : newsSections) s.entries().forEach(e -> ids.addAll(e.itemIds()));

        return new Digest(subscriber, SubscriberIds.of(subscriber), period, jobSections, newsSections,
                shownLeads.size(), shownNews.size(), leads.size(), news.size(), List.copyOf(ids),
                jobsFeedUrl(subscriber), newsFeedUrl(subscriber));
    }

    String jobsFeedUrl(Subscriber s) {
        return s.settings().size() == 1 ? baseUrl + "/feeds/settings/" + s.settings().get(0) + ".atom" : baseUrl + "/feeds/jobs.atom";
    }

    String newsFeedUrl(Subscriber s) {
        return s.topics().size() == 1 ? baseUrl + "/feeds/topics/" + s.topics().get(0) + ".atom" : baseUrl + "/feeds/news.atom";
    }

    private static ZoneId zoneOf(Subscriber s) {
        return s.timezone();
    }

    /** The cluster id; an item without one is its own cluster (NUL cannot start a real cluster id). */
    private static String clusterKey(TaggedItem item) {
        return item.cluster() == null || item.cluster().isBlank() ? "\u0000" + item.id() : item.cluster();
    }

    private static Instant when(TaggedItem item) {
        return item.published() != null ? item.published() : item.fetched();
    }

    /** The copies of one item that matched, and all its copies by id. */
    private record Cluster(List<SubscriberFilter.Match> matches, Map<String, TaggedItem> members) {
        void add(SubscriberFilter.Match m) {
            matches.add(m);
            members.put(m.item().id(), m.item());
        }
    }

    /** A cluster with its representative (best fit, then newest, then the one with most details). */
    private record Ranked(SubscriberFilter.Match best, List<SubscriberFilter.Match> matches, List<TaggedItem> members, double score) {}

    private static Ranked rank(Cluster cluster, Instant newest) {
        List<SubscriberFilter.Match> members = cluster.matches();
        if (members.size() == 1 && cluster.members().size() == 1) {
            // most items are a cluster of one: the same result without comparators and streams (hot in a send run)
            SubscriberFilter.Match only = members.get(0);
            Instant latest = when(only.item());
            double ageDays = latest == null ? 30 : Math.max(0, Duration.between(latest, newest).toMinutes() / 1440.0);
            return new Ranked(only, members, List.of(only.item()), only.fit() + RECENCY_WEIGHT / (1.0 + ageDays));
        }
        Comparator<SubscriberFilter.Match> better = Comparator.comparingDouble(SubscriberFilter.Match::fit)
                .thenComparing(m -> when(m.item()), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(m -> detail(m.item()))
                .thenComparing(m -> m.item().id(), Comparator.reverseOrder());
        SubscriberFilter.Match best = members.stream().max(better).orElseThrow();
        Instant latest = cluster.members().values().stream().map(DigestSelector::when).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        double ageDays = latest == null ? 30 : Math.max(0, Duration.between(latest, newest).toMinutes() / 1440.0);
        return new Ranked(best, members, List.copyOf(cluster.members().values()), best.fit() + RECENCY_WEIGHT / (1.0 + ageDays));
    }

    private static int detail(TaggedItem i) {
        int n = 0;
        if (i.salary() != null) n++;
        if (i.employer() != null) n++;
        if (i.location() != null && i.location().state() != null) n++;
        if (!i.certifications().isEmpty()) n++;
        return n;
    }

    private List<DigestSection> group(List<Ranked> shown, List<String> wanted, List<String> taxonomy, boolean bySetting, ZoneId zone) {
        List<String> order = new ArrayList<>(wanted);
        for (String t : taxonomy) if (!order.contains(t)) order.add(t);
        Map<String, List<DigestEntry>> bySection = new LinkedHashMap<>();
        for (String id : order) bySection.put(id, new ArrayList<>());
        bySection.put(OTHER, new ArrayList<>());
        for (Ranked r : shown) {
            List<String> tags = bySetting ? r.best.settings() : r.best.topics();
            String key = tags.stream().filter(bySection::containsKey).min(Comparator.comparingInt(order::indexOf)).orElse(OTHER);
            bySection.get(key).add(entry(r, zone, sources));
        }
        List<DigestSection> out = new ArrayList<>();
        bySection.forEach((id, entries) -> {
            if (!entries.isEmpty()) out.add(new DigestSection(id, id.equals(OTHER) ? "Other" : Labels.of(id), entries));
        });
        return out;
    }

    /**
     * One item as the digest shows it (title, employer, place, pay, certifications, shift, posted),
     * with {@code why} as its reasons: the web pages list leads exactly as the digest does.
     */
    public static DigestEntry entryOf(TaggedItem item, ZoneId zone, List<String> why, SourceNames sources) {
        SubscriberFilter.Match only = new SubscriberFilter.Match(item, why, 0, item.settings(), item.topics());
        return entry(new Ranked(only, List.of(only), List.of(item), 0), zone, sources);
    }

    private static DigestEntry entry(Ranked r, ZoneId zone, SourceNames sources) {
        TaggedItem item = r.best.item();
        List<DigestEntry.Link> links = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>();
        List<TaggedItem> ordered = new ArrayList<>(r.members);
        ordered.remove(item);
        ordered.add(0, item);
        Set<String> why = new LinkedHashSet<>(r.best.reasons());
        for (SubscriberFilter.Match m : r.matches) why.addAll(m.reasons());
        for (TaggedItem member : ordered) {
            ids.add(member.id());
            String url = ItemText.safeUrl(member.url());
            if (url != null && seen.add(ItemIds.canonicalUrl(url)))
                links.add(new DigestEntry.Link(orUnknown(ItemText.line(sources.name(member.source()), FIELD_MAX)), url));
        }
        Instant when = when(item);
        return new DigestEntry(
                item.kind(),
                orUnknown(ItemText.line(item.title(), TITLE_MAX)),
                ItemText.safeUrl(item.url()),
                ItemText.line(item.employer(), FIELD_MAX),
                place(item.location()),
                PayFormat.format(item.salary()),
                certifications(item.certifications()),
                item.employment() == null ? null : Labels.of(item.employment()),
                item.shift().isEmpty() ? null : String.join(", ", item.shift().stream().map(Labels::of).toList()),
                when == null ? null : POSTED.format(when.atZone(zone)),
                ItemText.line(sources.name(item.source()), FIELD_MAX),
                ItemText.plain(item.summary(), SUMMARY_MAX),
                List.copyOf(why),
                links,
                ids);
    }

    private static String orUnknown(String s) {
        return s == null ? "(untitled)" : s;
    }

    static String place(Place p) {
        if (p == null) return null;
        String city = ItemText.line(p.city(), 60);
        String state = ItemText.line(p.state(), 10);
        String where = city != null && state != null ? city + ", " + state : city != null ? city : state;
        if (where == null) where = ItemText.line(p.text(), 80);
        if (p.remote()) return where == null || where.toLowerCase(Locale.ROOT).contains("remote") ? (where == null ? "Remote" : where) : where + " (remote)";
        return where;
    }

    /** "Required: PTCB CPhT or NHA ExCPT, State license · Preferred: CSPT". */
    static String certifications(List<Certification> certs) {
        List<String> required = certs.stream().filter(Certification::required).map(Certification::label).distinct().toList();
        List<String> preferred = certs.stream().filter(c -> !c.required()).map(Certification::label)
                .filter(c -> !required.contains(c)).distinct().toList();
        List<String> parts = new ArrayList<>();
        if (!required.isEmpty()) parts.add("Required: " + String.join(", ", required));
        if (!preferred.isEmpty()) parts.add("Preferred: " + String.join(", ", preferred));
        return parts.isEmpty() ? null : String.join(" \u00b7 ", parts);
    }
}
