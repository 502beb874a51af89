package org.rxradar.fetch.page;

import java.util.HashSet;
import java.util.Set;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.ItemFactory;
import org.rxradar.fetch.ats.Fingerprints;
import org.rxradar.fetch.ats.Listing;
import org.rxradar.fetch.ats.ListingClient;
import org.rxradar.model.ItemIds;
import org.rxradar.model.Kind;

/**
 * The job pages of one poll of a sitemap source. Each matching sitemap entry is sorted as it is
 * read: published or ignored before with the same URL and lastmod, it is kept as it was without a
 * request; new or changed, it waits for a read. Of those, the {@code maxPages} newest are read
 * this poll and the rest are listed only (neither new nor closed), for the next polls.
 */
final class JobPages {
    private final String sourceId;
    private final ListingClient client;
    private final Listing.Builder listing;
    private final ItemFactory factory;
    private final NewestFirst<JobPage> toRead;
    private final int maxUrls;
    private final JobPageReader reader = new JobPageReader();
    private final Set<String> ids = new HashSet<>();
    private int deferred;
    private boolean overflow;

    JobPages(String sourceId, ListingClient client, Listing.Builder listing, int maxPages, int maxUrls) {
        this.sourceId = sourceId;
        this.client = client;
        this.listing = listing;
        this.factory = new ItemFactory(sourceId, Kind.JOB, client.now());
        this.toRead = new NewestFirst<>(maxPages);
        this.maxUrls = maxUrls;
    }

    /** One matching sitemap entry, in sitemap order. */
    void accept(SitemapEntry entry) {
        String id = ItemIds.forUrl(entry.loc());
        if (ids.contains(id)) return; // listed twice (in two child sitemaps)
        if (ids.size() >= maxUrls) {
            overflow = true;
            return;
        }
        ids.add(id);
        String fingerprint = Fingerprints.of(entry.loc(), entry.lastmod());
        switch (client.known(id, fingerprint)) {
            // the entry carries no title or details: the fetch stage keeps what it published, by fingerprint
            case PUBLISHED -> listing.unchanged(factory.create(entry.loc(), null, null, null, null, null, null, null), fingerprint);
            case IGNORED -> listing.stillIgnored(id, fingerprint);
            case NEW -> {
                JobPage later = toRead.offer(new JobPage(entry, id, fingerprint), entry.modified());
                if (later != null) {
                    listing.listedOnly(later.id());
                    deferred++;
                }
            }
        }
    }

    /** True when the sitemaps list more job URLs than one poll takes in (the rest were dropped: the listing is partial). */
    boolean overflow() {
        return overflow;
    }

    /** Reads the pages kept for this poll, newest first, and says what became of them. */
    void readPages() throws FetchException {
        Tally tally = new Tally();
        boolean slowDown = false;
        for (JobPage page : toRead.newestFirst()) {
            if (slowDown) {
                listing.listedOnly(page.id());
                deferred++;
                continue;
            }
            JobPageReader.Result result = reader.read(page, sourceId, client, listing);
            tally.add(result);
            slowDown = result.outcome() == JobPageReader.Outcome.SLOW_DOWN;
        }
        tally.notices(listing, deferred);
    }

    /** What became of the pages read, for the notice. */
    private static final class Tally {
        private final int[] counts = new int[JobPageReader.Outcome.values().length];
        private String firstProblem;

        void add(JobPageReader.Result r) {
            counts[r.outcome().ordinal()]++;
            if (r.problem() != null && firstProblem == null) firstProblem = r.problem();
        }

        int count(JobPageReader.Outcome o) {
            return counts[o.ordinal()];
        }

        void notices(Listing.Builder listing, int deferred) {
            int failed = count(JobPageReader.Outcome.FAILED) + count(JobPageReader.Outcome.SLOW_DOWN);
            if (failed > 0) listing.notice(failed + " job pages could not be read, retried next poll (first: " + firstProblem + ")");
            if (deferred > 0) listing.notice(deferred + " job pages left for the next polls");
            int none = count(JobPageReader.Outcome.NO_POSTING);
            if (none > 0) listing.notice(none + " job pages hold no schema.org JobPosting (not read again until their lastmod changes)");
            int others = count(JobPageReader.Outcome.OTHER_POSTINGS);
            if (others > 0) listing.notice(others + " pages hold several JobPostings, none of them the page's own: skipped");
            int expired = count(JobPageReader.Outcome.EXPIRED);
            if (expired > 0) listing.notice(expired + " job pages hold only expired JobPostings");
        }
    }
}
