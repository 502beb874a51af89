package org.rxradar.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A raw item as a fetcher publishes it to {@code rxradar.news.raw} or {@code rxradar.leads.raw},
 * keyed by {@link #id}. The JSON form is documented in the README ("Record schema").
 *
 * @param v                  schema version, {@value #VERSION}
 * @param id                 stable id, see {@link ItemIds}
 * @param published          when the source says it was published; the fetch time when it says nothing usable
 * @param publishedEstimated true when {@code published} is the fetch time because the source gave no usable date
 * @param updated            set when an item seen before is published again because its content changed
 * @param employer           job leads: the hiring organisation, when known
 * @param location           job leads: the location as published ("Fresno, CA")
 * @param posting            job leads: structured data from the page, when it had any
 */
public record Item(
        int v,
        String id,
        Kind kind,
        String source,
        String url,
        String title,
        String summary,
        Instant published,
        boolean publishedEstimated,
        Instant fetched,
        Instant updated,
        String employer,
        String location,
        JobPosting posting) {

    public static final int VERSION = 1;

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    public Item withUpdated(Instant when) {
        return new Item(v, id, kind, source, url, title, summary, published, publishedEstimated, fetched, when,
                employer, location, posting);
    }
}
