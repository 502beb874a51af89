package org.rxradar.web.page;

import org.rxradar.config.SourceNames;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rxradar.digest.DigestEntry;
import org.rxradar.digest.DigestSelector;
import org.rxradar.model.Kind;
import org.rxradar.model.Labels;
import org.rxradar.model.Salary;
import org.rxradar.model.TaggedItem;

/**
 * Items as the pages list them: the digest's own entries ({@link DigestSelector#entryOf}: pay,
 * place, certifications, shift and dates formatted once, for mail and web alike), with the source's
 * name instead of its id and, as "why", the labels of the item's settings or topics.
 */
public final class LeadCards {
    private final SourceNames sources;
    private final ZoneId zone;

    public LeadCards(SourceNames sources, ZoneId zone) {
        this.sources = sources;
        this.zone = zone;
    }

    public List<DigestEntry> of(List<TaggedItem> items) {
        List<DigestEntry> out = new ArrayList<>(items.size());
        for (TaggedItem item : items) out.add(of(item));
        return out;
    }

    /** Annual pay with its hourly equivalent, so leads compare at a glance: "$41,600/yr (about $20.00/hr)". */
    public static String hourly(String pay, Salary salary) {
        if (pay == null || salary == null || salary.unit() != Salary.Unit.YEAR) return pay;
        Double h = salary.hourlyMidpoint();
        if (h == null || !Double.isFinite(h) || h <= 0) return pay;
        return pay + String.format(Locale.ROOT, " (about $%.2f/hr)", h);
    }

    public DigestEntry of(TaggedItem item) {
        List<String> why = (item.kind() == Kind.JOB ? item.settings() : item.topics()).stream().map(Labels::of).toList();
        DigestEntry e = DigestSelector.entryOf(item, zone, why, sources);
        return new DigestEntry(e.kind(), e.title(), e.url(), e.employer(), e.place(), hourly(e.pay(), item.salary()), e.certifications(), e.employment(),
                e.shift(), e.posted(), e.source(), e.summary(), e.why(), e.links(), e.itemIds());
    }
}
