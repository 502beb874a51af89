package org.rxradar.fetch.ats;

import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.FetchException;

/**
 * Reads one employer's whole job listing (an applicant-tracking system's public API, USAJOBS, or a
 * sitemap of job pages) into a {@link Listing}. One small implementation per source type; each
 * turns its platform's JSON into {@link org.rxradar.model.Item}s with {@link Posting}, so that the
 * tagger, digests, feeds and trends read every type alike.
 *
 * <p>Readers do no I/O of their own: every request goes through the {@link ListingClient}, which
 * applies the HTTP limits, per-host politeness and robots.txt. A reader throws
 * {@link FetchException} when the listing as a whole cannot be read; a listing it could read only in
 * part is returned with {@link Listing.Builder#incomplete}, which closes nothing.
 */
public interface JobListingReader {
    Listing read(RxRadarConfig.Source source, ListingClient client) throws FetchException;
}
