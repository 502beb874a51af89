package org.rxradar.fetch.page;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.ats.JobListingReader;
import org.rxradar.fetch.ats.Listing;
import org.rxradar.fetch.ats.ListingClient;
import org.rxradar.fetch.ats.SourceConfigException;

/**
 * {@code type: sitemap}: an employer's job pages, as its sitemap.xml lists them. The sitemap (or
 * sitemap index and its children, gzip or not) is streamed; the URLs matching {@code include} are
 * the listing, each entry fingerprinted by URL and lastmod. New or changed pages are read for their
 * schema.org JobPosting, at most {@code max-pages} per poll, newest first; unchanged ones are not
 * requested again.
 *
 * <p>The listing is complete, and postings absent from it may be closed, when every sitemap was
 * read: pages left for the next polls are still listed, so the page limit closes nothing.
 */
public final class SitemapReader implements JobListingReader {
    /** Job pages when the source names no {@code include} pattern. */
    public static final String DEFAULT_INCLUDE = "(?i)job|career|position|opening|requisition";
    static final int MAX_CHILD_SITEMAPS = 50;
    static final int MAX_INDEX_DEPTH = 2;
    /** Job URLs one poll takes in (two full sitemaps' worth); beyond, the listing is partial. */
    static final int MAX_JOB_URLS = 100_000;

    @Override
    public Listing read(RxRadarConfig.Source source, ListingClient client) throws FetchException {
        URI root = root(source);
        Pattern include = include(source);
        Listing.Builder listing = Listing.builder(source.search());
        JobPages pages = new JobPages(source.id(), client, listing, source.maxPages(), MAX_JOB_URLS);
        SitemapWalk.Outcome walk = new SitemapWalk(client, include, MAX_CHILD_SITEMAPS, MAX_INDEX_DEPTH)
                .walk(root, pages::accept);
        if (!walk.complete()) listing.incomplete(summary(walk.problems()));
        if (pages.overflow()) listing.incomplete("the sitemaps list more than " + MAX_JOB_URLS + " job URLs; the rest were not read");
        if (walk.invalid() > 0) listing.notice(walk.invalid() + " sitemap entries without a usable http(s) <loc> skipped");
        if (walk.matched() == 0) {
            listing.notice(walk.urls() == 0 ? "the sitemap lists no page"
                    : "none of the " + walk.urls() + " URLs in the sitemap matches include '" + include.pattern() + "'");
        }
        pages.readPages();
        return listing.build();
    }

    private static URI root(RxRadarConfig.Source source) throws SourceConfigException {
        if (source.url() == null || source.url().isBlank()) throw new SourceConfigException("the sitemap source has no url");
        try {
            URI url = new URI(source.url().trim());
            if (url.getScheme() == null || url.getHost() == null) throw new URISyntaxException(source.url(), "not an absolute http(s) URL");
            return url;
        } catch (URISyntaxException e) {
            throw new SourceConfigException("sitemap url '" + source.url() + "': " + e.getReason());
        }
    }

    private static Pattern include(RxRadarConfig.Source source) throws SourceConfigException {
        String regex = source.include() == null ? DEFAULT_INCLUDE : source.include();
        try {
            return Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new SourceConfigException("include '" + regex + "' is not a regular expression: " + e.getDescription());
        }
    }

    // a few reasons are enough for an operator to act on
    private static String summary(List<String> problems) {
        if (problems.size() <= 3) return String.join("; ", problems);
        return String.join("; ", problems.subList(0, 3)) + "; and " + (problems.size() - 3) + " more";
    }
}
