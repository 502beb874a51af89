package org.rxradar.fetch.ats;

import java.util.List;
import org.rxradar.fetch.FetchException;
import org.rxradar.model.Item;

/**
 * The second half of reading a listing whose entries are only a summary (title, place, date): each
 * posting's details are requested once, when the source has not seen its listing entry before.
 * Published and ignored postings whose entry is unchanged are kept as they were without a request;
 * at most {@value #MAX_PER_POLL} details are read per poll, the rest wait for the next one.
 * A detail answering 404 or 410 closes its posting; any other failure leaves that one posting
 * for the next poll and never stops the others.
 */
final class PostingDetails {
    static final int MAX_PER_POLL = 200;

    /**
     * One posting as the listing shows it.
     *
     * @param listingItem the item built from the listing entry alone, with the same id as the detailed one
     * @param fingerprint the hash of the listing entry
     * @param entry       what the reader needs to request the details
     */
    record Entry<T>(Item listingItem, String fingerprint, T entry) {}

    /** A posting read in full, and the whole text of its description to match the search phrases in. */
    record Detail(Item item, String fullText) {}

    interface DetailRequest<T> {
        /** The posting in full; null when the answer describes no posting. */
        Detail read(T entry) throws FetchException;
    }

    private PostingDetails() {}

    static <T> void read(List<Entry<T>> entries, ListingClient client, Listing.Builder listing, DetailRequest<T> request)
            throws FetchException {
        int requested = 0;
        int deferred = 0;
        int failed = 0;
        String firstFailure = null;
        for (Entry<T> e : entries) {
            String id = e.listingItem().id();
            switch (client.known(id, e.fingerprint())) {
                case PUBLISHED -> listing.unchanged(e.listingItem(), e.fingerprint());
                case IGNORED -> listing.stillIgnored(id, e.fingerprint());
                case NEW -> {
                    if (requested >= MAX_PER_POLL) {
                        listing.listedOnly(id);
                        deferred++;
                        continue;
                    }
                    requested++;
                    String failure = detail(e, request, listing);
                    if (failure != null) {
                        failed++;
                        if (firstFailure == null) firstFailure = failure;
                    }
                }
            }
        }
        if (deferred > 0) {
            listing.notice(deferred + " new postings left for the next poll (details of at most " + MAX_PER_POLL
                    + " are read per poll)");
        }
        if (failed > 0) {
            listing.notice(failed + (failed == 1 ? " posting's" : " postings'") + " details could not be read, "
                    + "tried again next poll; first: " + firstFailure);
        }
    }

    // one posting's details into the listing; the reason it failed, or null
    private static <T> String detail(Entry<T> e, DetailRequest<T> request, Listing.Builder listing) throws FetchException {
        String id = e.listingItem().id();
        try {
            Detail d = request.read(e.entry());
            if (d == null || d.item() == null || !d.item().id().equals(id)) {
                listing.listedOnly(id);
                return "no posting in the answer for " + e.listingItem().url();
            }
            listing.posting(d.item(), d.fullText(), e.fingerprint());
            return null;
        } catch (HttpStatusException x) {
            if (x.gone()) {
                listing.gone(id);
                return null;
            }
            listing.listedOnly(id);
            return x.getMessage();
        } catch (FetchException x) {
            if (Thread.currentThread().isInterrupted()) throw x;
            listing.listedOnly(id);
            return x.getMessage();
        } catch (RuntimeException x) {
            // a surprise in one posting's answer must not hide the others
            listing.listedOnly(id);
            return e.listingItem().url() + ": " + x;
        }
    }
}
