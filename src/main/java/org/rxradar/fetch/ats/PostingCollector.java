package org.rxradar.fetch.ats;

import java.util.function.Supplier;
import org.rxradar.fetch.ItemFactory;
import org.rxradar.fetch.TextCleaner;
import org.rxradar.model.Item;

/**
 * Turns a reader's postings into items of a {@link Listing.Builder}, so that one bad posting
 * never hides the others: a posting that cannot be read is skipped and counted, and still counts
 * as listed when its url or id is known (an unreadable posting is not a closed one).
 */
final class PostingCollector {
    private final Listing.Builder builder;
    private final ItemFactory factory;
    private int skipped;
    private String firstProblem;

    PostingCollector(Listing.Builder builder, ItemFactory factory) {
        this.builder = builder;
        this.factory = factory;
    }

    /**
     * Reads one posting and adds it; {@code url} and {@code guid} (either may be null) identify it
     * when reading fails.
     */
    void add(Supplier<Posting> read, String url, String guid) {
        try {
            Posting p = read.get();
            Item item = p == null ? null : p.toItem(factory);
            if (item == null) {
                skip(url, guid, "no url, id or title");
                return;
            }
            // the whole description, not the item's bounded summary, is searched for the phrases
            builder.posting(item, TextCleaner.plain(p.descriptionHtml()), null);
        } catch (RuntimeException e) {
            skip(url, guid, e.toString());
        }
    }

    private void skip(String url, String guid, String why) {
        skipped++;
        if (firstProblem == null) firstProblem = (url != null ? url : guid != null ? "id " + guid : "a posting") + ": " + why;
        Item stub = factory.create(url, guid, null, null, null, null, null, null);
        if (stub != null) builder.listedOnly(stub.id());
    }

    int skipped() {
        return skipped;
    }

    /** Adds the notice about skipped postings, if any, to the builder. */
    void finish() {
        if (skipped > 0) builder.notice(skipped + (skipped == 1 ? " posting" : " postings") + " skipped, unreadable (first: " + firstProblem + ")");
    }
}
