package org.rxradar.trend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.rxradar.model.Certification;
import org.rxradar.model.Kind;
import org.rxradar.model.TaggedItem;
import org.rxradar.model.Taxonomy;

/**
 * The counts of one UTC day. Not thread-safe: {@link TrendStore} guards it. Only relevant items
 * count (irrelevant ones are pharmacist-only or off-track roles and stories).
 */
public final class DailyStats {
    private final LocalDate day;
    private int relevantLeads;
    private final Map<String, Integer> leadsBySetting = new TreeMap<>();
    private final Map<String, Integer> leadsByState = new TreeMap<>();
    private final Map<String, List<Double>> hourlyPayBySetting = new TreeMap<>();
    private int leadsAskingCertification;
    private final Map<String, Integer> certifications = new TreeMap<>();
    private int newsItems;
    private final Map<String, Integer> newsByTopic = new TreeMap<>();
    private int termItems;
    private final Map<String, Integer> terms = new TreeMap<>();
    private final Set<String> counted = new LinkedHashSet<>();

    public DailyStats(LocalDate day) {
        this.day = day;
    }

    public LocalDate day() {
        return day;
    }

    boolean hasCounted(String key) {
        return counted.contains(key);
    }

    /** Counts the item; the caller has checked it was not counted before on any day. */
    void add(TaggedItem item, Set<String> keys) {
        counted.addAll(keys);
        if (!item.relevant()) return;
        if (item.kind() == Kind.JOB) addLead(item);
        else addNews(item);
        termItems++;
        for (String phrase : Phrases.of(item.title(), item.summary())) terms.merge(phrase, 1, Integer::sum);
    }

    private void addLead(TaggedItem item) {
        relevantLeads++;
        Double hourly = item.salary() == null ? null : item.salary().hourlyMidpoint();
        boolean payUsable = hourly != null && Double.isFinite(hourly) && hourly > 0;
        for (String setting : new LinkedHashSet<>(item.settings())) {
            if (!Taxonomy.isSetting(setting)) continue;
            leadsBySetting.merge(setting, 1, Integer::sum);
            if (payUsable) hourlyPayBySetting.computeIfAbsent(setting, s -> new ArrayList<>()).add(hourly);
        }
        String state = item.location() == null ? null : item.location().state();
        if (state != null && !state.isBlank()) leadsByState.merge(state.trim().toUpperCase(Locale.ROOT), 1, Integer::sum);
        Set<String> asked = new HashSet<>();
        // an either/or requirement counts under its own key ("PTCB-CPhT|NHA-ExCPT"), not as each credential
        for (Certification c : item.certifications()) if (c != null && !c.alternatives().isEmpty()) asked.add(c.key());
        if (!asked.isEmpty()) leadsAskingCertification++;
        for (String id : asked) certifications.merge(id, 1, Integer::sum);
    }

    private void addNews(TaggedItem item) {
        newsItems++;
        for (String topic : new LinkedHashSet<>(item.topics())) {
            if (Taxonomy.isTopic(topic)) newsByTopic.merge(topic, 1, Integer::sum);
        }
    }

    public int relevantLeads() { return relevantLeads; }
    public Map<String, Integer> leadsBySetting() { return Collections.unmodifiableMap(leadsBySetting); }
    public Map<String, Integer> leadsByState() { return Collections.unmodifiableMap(leadsByState); }
    public Map<String, List<Double>> hourlyPayBySetting() { return Collections.unmodifiableMap(hourlyPayBySetting); }
    public int leadsAskingCertification() { return leadsAskingCertification; }
    public Map<String, Integer> certifications() { return Collections.unmodifiableMap(certifications); }
    public int newsItems() { return newsItems; }
    public Map<String, Integer> newsByTopic() { return Collections.unmodifiableMap(newsByTopic); }
    public int termItems() { return termItems; }
    public Map<String, Integer> terms() { return Collections.unmodifiableMap(terms); }
    public int countedKeys() { return counted.size(); }

    public TrendSnapshot snapshot() {
        Map<String, List<Double>> pay = new TreeMap<>();
        hourlyPayBySetting.forEach((k, v) -> pay.put(k, List.copyOf(v)));
        return new TrendSnapshot(TrendSnapshot.VERSION, day, relevantLeads, new TreeMap<>(leadsBySetting),
                new TreeMap<>(leadsByState), pay, leadsAskingCertification, new TreeMap<>(certifications), newsItems,
                new TreeMap<>(newsByTopic), termItems, new TreeMap<>(terms), List.copyOf(counted));
    }

    static DailyStats from(TrendSnapshot s) {
        DailyStats d = new DailyStats(s.day());
        d.relevantLeads = s.relevantLeads();
        d.leadsBySetting.putAll(s.leadsBySetting());
        d.leadsByState.putAll(s.leadsByState());
        s.hourlyPayBySetting().forEach((k, v) -> d.hourlyPayBySetting.put(k, new ArrayList<>(v)));
        d.leadsAskingCertification = s.leadsAskingCertification();
        d.certifications.putAll(s.certifications());
        d.newsItems = s.newsItems();
        d.newsByTopic.putAll(s.newsByTopic());
        d.termItems = s.termItems();
        d.terms.putAll(s.terms());
        d.counted.addAll(s.counted());
        return d;
    }
}
