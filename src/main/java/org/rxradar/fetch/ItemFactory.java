package org.rxradar.fetch;

import java.time.Instant;
import org.rxradar.model.Item;
import org.rxradar.model.ItemIds;
import org.rxradar.model.JobPosting;
import org.rxradar.model.Kind;

/**
 * Builds {@link Item}s the same way for every parser: id from the canonical URL (or source + GUID, or
 * for a feed entry with neither, source + text),
 * text cleaned, and the fetch time used and flagged when there is no usable date.
 */
public final class ItemFactory {
    private final String sourceId;
    private final Kind kind;
    private final Instant fetched;

    public ItemFactory(String sourceId, Kind kind, Instant fetched) {
        this.sourceId = sourceId;
        this.kind = kind;
        this.fetched = fetched;
    }

    public Kind kind() {
        return kind;
    }

    public Instant fetched() {
        return fetched;
    }

    /** Null when the entry has neither a link, a GUID nor a title to identify it. */
    public Item create(String url, String guid, String titleHtml, String summaryHtml, Instant published,
                String employer, String location, JobPosting posting) {
        return cleaned(url, guid, TextCleaner.title(titleHtml), TextCleaner.summary(summaryHtml), published, employer, location, posting);
    }

    /**
     * As {@link #create}, for a feed entry: one without title text but with a description is
     * titled from the first words of that text ({@link Headline}), and when it has no link or GUID
     * either, its id is the source plus its text, so the same post keeps its id from poll to poll.
     * Null when the entry has no link, GUID, title or text.
     */
    public Item entry(String url, String guid, String titleHtml, String summaryHtml, Instant published,
                      String employer, String location) {
        String title = TextCleaner.title(titleHtml);
        String summary = TextCleaner.summary(summaryHtml);
        if (title != null || summary == null) return cleaned(url, guid, title, summary, published, employer, location, null);
        String id;
        if (url != null) id = ItemIds.forUrl(url);
        else if (guid != null && !guid.isBlank()) id = ItemIds.forGuid(sourceId, guid.trim());
        else id = ItemIds.forGuid(sourceId, "text:" + summary);
        return item(id, url, Headline.of(summary), summary, published, employer, location, null);
    }

    private Item cleaned(String url, String guid, String title, String summary, Instant published,
                         String employer, String location, JobPosting posting) {
        String id;
        if (url != null) id = ItemIds.forUrl(url);
        else if (guid != null && !guid.isBlank()) id = ItemIds.forGuid(sourceId, guid.trim());
        else if (title != null) id = ItemIds.forGuid(sourceId, "title:" + title);
        else return null;
        return item(id, url, title, summary, published, employer, location, posting);
    }

    private Item item(String id, String url, String title, String summary, Instant published,
                      String employer, String location, JobPosting posting) {
        Instant when = Dates.plausible(published, fetched);
        return new Item(Item.VERSION, id, kind, sourceId, url == null ? null : url, title, summary,
                when == null ? fetched : when, when == null, fetched, null,
                TextCleaner.title(employer), TextCleaner.title(location), posting);
    }
}
