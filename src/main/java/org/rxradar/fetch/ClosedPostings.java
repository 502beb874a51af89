package org.rxradar.fetch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.rxradar.fetch.ats.Listing;
import org.rxradar.model.Item;

/**
 * Which postings of a job-listing source are closed by one read of its listing. A posting published
 * before (and not closed yet) is closed when
 * <ul>
 *   <li>its own page answered 404 or 410,</li>
 *   <li>its validThrough has passed, or</li>
 *   <li>it is absent from a <em>complete</em> listing; a listing read in part closes nothing.</li>
 * </ul>
 * Each is published once as {@link Item#closedPosting}; a closed posting that comes back is
 * published again as an update (see {@link Deduplicator}).
 */
final class ClosedPostings {
    private ClosedPostings() {}

    static List<Item> find(Listing listing, Collection<String> expired, SourceState state, String sourceId, Instant now) {
        List<Item> out = new ArrayList<>();
        for (Map.Entry<String, SourceState.Seen> e : state.seen.entrySet()) {
            String id = e.getKey();
            SourceState.Seen seen = e.getValue();
            if (seen.closed() != null) continue;
            boolean closed = listing.gone().contains(id) || expired.contains(id)
                    || (listing.complete() && !listing.listed().contains(id));
            if (closed) out.add(Item.closedPosting(id, sourceId, seen.url(), seen.title(), now));
        }
        return out;
    }

    /** Remembers the postings as closed, so that each is closed once. */
    static void mark(List<Item> closed, SourceState state, Instant now) {
        for (Item i : closed) state.seen.computeIfPresent(i.id(), (id, seen) -> seen.closedAt(now));
    }
}
