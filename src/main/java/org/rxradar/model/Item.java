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
 * @param closed             job leads: when the posting was found closed (gone from its employer's complete
 *                           listing, its page answering 404/410, or its validThrough passed); null while open.
 *                           A closed record carries the id, source, url and title of the posting it closes.
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
        JobPosting posting,
        Instant closed) {

    public static final int VERSION = 1;

    @com.fasterxml.jackson.annotation.JsonCreator
    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    /** An open item (no {@code closed}). */
    public Item(int v, String id, Kind kind, String source, String url, String title, String summary, Instant published,
                boolean publishedEstimated, Instant fetched, Instant updated, String employer, String location,
                JobPosting posting) {
        this(v, id, kind, source, url, title, summary, published, publishedEstimated, fetched, updated, employer,
                location, posting, null);
    }

    public Item withUpdated(Instant when) {
        return new Item(v, id, kind, source, url, title, summary, published, publishedEstimated, fetched, when,
                employer, location, posting, closed);
    }

    /**
     * The record that closes a posting: its id, source, url and title, {@code closed} and
     * {@code updated} set to {@code when}.
     */
    public static Item closedPosting(String id, String source, String url, String title, Instant when) {
        return new Item(VERSION, id, Kind.JOB, source, url, title, null, when, true, when, when, null, null, null, when);
    }

}
