package org.rxradar.web.page;

import org.rxradar.config.SourceNames;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.rxradar.digest.DigestEntry;
import org.rxradar.digest.DigestSelector;
import org.rxradar.model.Kind;
import org.rxradar.model.Labels;
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

    public DigestEntry of(TaggedItem item) {
        List<String> why = (item.kind() == Kind.JOB ? item.settings() : item.topics()).stream().map(Labels::of).toList();
        // pay as the digest shows it: hourly, with the published yearly figure beside it
        return DigestSelector.entryOf(item, zone, why, sources);
    }
}
