package org.rxradar.fetch.page;

import java.net.URI;
import java.util.List;
import org.jsoup.nodes.Document;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.FetchResponse;
import org.rxradar.fetch.JobPostingExtractor;
import org.rxradar.fetch.PageParser;
import org.rxradar.fetch.ats.Listing;
import org.rxradar.fetch.ats.ListingClient;
import org.rxradar.model.Item;
import org.rxradar.model.ItemIds;

/**
 * Reads one job page listed in a sitemap into the listing: its schema.org JobPosting (JSON-LD or
 * microdata) becomes the posting, under the page's own URL, so that its item id is the one the
 * sitemap entry was checked under ({@link ItemIds#forUrl}) whatever URL the JSON-LD names.
 */
final class JobPageReader {
    static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    /** What became of one page. */
    enum Outcome {
        /** a posting that names a search phrase */
        MATCHED,
        /** a posting that names none: ignored until its lastmod changes */
        NOT_MATCHED,
        /** no JobPosting on the page: remembered, not read again until its lastmod changes */
        NO_POSTING,
        /** several JobPostings, none of them this page's own */
        OTHER_POSTINGS,
        /** only expired (or unusable) JobPostings: the posting is closed */
        EXPIRED,
        /** 404 or 410: the posting is closed */
        GONE,
        /** any other failure: listed, read again next poll */
        FAILED,
        /** 429 or 503: listed, read again next poll, and no further page this poll */
        SLOW_DOWN
    }

    record Result(Outcome outcome, String problem) {
        static Result of(Outcome outcome) {
            return new Result(outcome, null);
        }
    }

    private final JobPostingExtractor extractor = new JobPostingExtractor();

    Result read(JobPage page, String sourceId, ListingClient client, Listing.Builder listing) throws FetchException {
        String loc = page.entry().loc();
        FetchResponse response;
        try {
            response = client.get(URI.create(loc), PAGE_ACCEPT);
        } catch (FetchException e) {
            if (Thread.currentThread().isInterrupted()) throw e;
            listing.listedOnly(page.id());
            return new Result(Outcome.FAILED, e.getMessage());
        }
        switch (response.outcome()) {
            case OK -> {
                return posting(page, response, sourceId, client, listing);
            }
            case NOT_FOUND, GONE -> {
                // remembered as well, so a page that stays in the sitemap is not asked again each poll
                listing.gone(page.id());
                listing.stillIgnored(page.id(), page.fingerprint());
                return Result.of(Outcome.GONE);
            }
            case RETRY_LATER -> {
                listing.listedOnly(page.id());
                return new Result(Outcome.SLOW_DOWN, "HTTP " + response.status() + " from " + loc + ", the server asks to slow down");
            }
            default -> {
                listing.listedOnly(page.id());
                return new Result(Outcome.FAILED, "HTTP " + response.status() + " from " + loc);
            }
        }
    }

    private Result posting(JobPage page, FetchResponse response, String sourceId, ListingClient client,
                           Listing.Builder listing) throws FetchException {
        String loc = page.entry().loc();
        Document doc;
        try {
            doc = PageParser.document(response.body(), response.contentType(), response.finalUrl() != null ? response.finalUrl() : URI.create(loc));
        } catch (FetchException e) {
            listing.listedOnly(page.id());
            return new Result(Outcome.FAILED, e.getMessage() + " (" + loc + ")");
        }
        List<Item> items = extractor.extract(doc, sourceId, client.now());
        Item item = ownPosting(items, loc);
        if (item != null) {
            return Result.of(listing.posting(item, null, page.fingerprint()) ? Outcome.MATCHED : Outcome.NOT_MATCHED);
        }
        listing.stillIgnored(page.id(), page.fingerprint());
        if (!items.isEmpty()) return Result.of(Outcome.OTHER_POSTINGS);
        if (extractor.countDeclared(doc) == 0) return Result.of(Outcome.NO_POSTING);
        listing.gone(page.id()); // its postings expired: closed if it was published
        return Result.of(Outcome.EXPIRED);
    }

    /**
     * The page's own posting under the page URL: the only one on the page (whatever URL its JSON-LD
     * names, often the apply form), or among several the one whose URL is the page's.
     */
    static Item ownPosting(List<Item> items, String loc) {
        String id = ItemIds.forUrl(loc);
        if (items.size() == 1) return atUrl(items.get(0), loc, id);
        for (Item i : items) if (i.id().equals(id)) return atUrl(i, loc, id);
        return null;
    }

    private static Item atUrl(Item i, String loc, String id) {
        if (i.id().equals(id) && loc.equals(i.url())) return i;
        return new Item(i.v(), id, i.kind(), i.source(), loc, i.title(), i.summary(), i.published(), i.publishedEstimated(),
                i.fetched(), i.updated(), i.employer(), i.location(), i.posting(), i.closed());
    }
}
