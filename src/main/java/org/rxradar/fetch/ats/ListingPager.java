package org.rxradar.fetch.ats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.rxradar.fetch.FetchException;

/**
 * Pages through one search of a listing API that pages by offset and announces a total, within
 * bounds a misbehaving server cannot stretch: at most {@code total / limit + 1} pages and
 * {@value #MAX_POSTINGS} postings; an empty or short page, or one that only repeats earlier
 * postings, ends the search. Anything that stops it before the announced total, or a posting met
 * twice (the listing moved while it was read, so another may have been skipped), marks the
 * listing incomplete, so that no posting is closed on a partial read.
 */
final class ListingPager {
    static final int MAX_POSTINGS = 2000;

    /** One page: the total it announces (negative when it announces none), its page size, its postings. */
    record Page(int total, int limit, List<JsonNode> postings) {}

    interface PageRequest {
        Page read(int offset) throws FetchException;
    }

    /** The pages of one phrase's search. */
    interface PhraseSearch {
        Page read(String phrase, int offset) throws FetchException;
    }

    private ListingPager() {}

    /**
     * One search per phrase, the results merged by {@code key} in listing order; entries whose key
     * is missing or not {@code valid} are skipped and counted in a notice naming {@code keyName}.
     */
    static java.util.Map<String, JsonNode> union(List<String> phrases, String searchWord, int limit, PhraseSearch search,
                                                 Function<JsonNode, String> key, java.util.function.Predicate<String> valid,
                                                 String keyName, Listing.Builder listing) throws FetchException {
        java.util.Map<String, JsonNode> postings = new java.util.LinkedHashMap<>();
        int unnamed = 0;
        boolean first = true;
        for (String phrase : phrases) {
            List<JsonNode> found = read(searchWord + " '" + phrase + "'", limit, offset -> search.read(phrase, offset), key,
                    listing, first);
            first = false;
            for (JsonNode p : found) {
                String k = key.apply(p);
                if (k == null || !valid.test(k)) unnamed++;
                else postings.putIfAbsent(k, p);
            }
        }
        if (unnamed > 0) listing.notice(unnamed + " listing entries without " + keyName + " skipped");
        return postings;
    }

    /**
     * The postings of one search, in listing order.
     *
     * @param what       names the search in notices ("search 'pharmacy technician'")
     * @param limit      the page size asked for
     * @param key        a posting's identity (null: skipped here, the reader counts it)
     * @param mustAnswer true for the listing's first request: its failure is the source's error, thrown;
     *                   any later failure marks the listing incomplete and keeps what was read
     */
    static List<JsonNode> read(String what, int limit, PageRequest request, Function<JsonNode, String> key,
                               Listing.Builder listing, boolean mustAnswer) throws FetchException {
        List<JsonNode> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int total = -1;
        int pageSize = limit;
        int maxPages = 1;
        int offset = 0;
        boolean shifted = false;
        for (int page = 1; ; page++) {
            Page p;
            try {
                p = request.read(offset);
            } catch (FetchException e) {
                if ((page == 1 && mustAnswer) || Thread.currentThread().isInterrupted()) throw e;
                listing.incomplete(what + ": page " + page + " failed after " + out.size() + " postings: " + e.getMessage());
                return out;
            }
            if (page == 1) {
                // later pages may announce 0 (Workday does): the first page's total is the one
                total = p.total() == 0 && !p.postings().isEmpty() ? -1 : p.total();
                // a server may page by less than asked, and say so
                if (p.limit() > 0 && p.limit() < limit) pageSize = p.limit();
                maxPages = MAX_POSTINGS / pageSize + 1;
                if (total > 0) maxPages = Math.min(maxPages, total / pageSize + 1);
            }
            int fresh = 0;
            Set<String> onThisPage = new HashSet<>();
            for (JsonNode posting : p.postings()) {
                String k = key.apply(posting);
                if (k != null && keys.contains(k)) {
                    shifted = true; // met on an earlier page: the listing moved while it was read, another may be skipped
                    continue;
                }
                if (k != null && !onThisPage.add(k)) continue;
                out.add(posting);
                fresh++;
            }
            keys.addAll(onThisPage);
            offset += p.postings().size();
            boolean last = p.postings().isEmpty() || p.postings().size() < pageSize || (total >= 0 && offset >= total);
            if (last) {
                if (total > 0 && offset < total) {
                    listing.incomplete(what + ": page " + page + " ended the listing after " + offset + " of the "
                            + total + " postings it announces");
                } else if (shifted) {
                    listing.incomplete(what + ": the listing changed while it was read (postings moved between pages)");
                }
                return out;
            }
            if (fresh == 0) {
                listing.incomplete(what + ": page " + page + " only repeats postings already read");
                return out;
            }
            if (out.size() >= MAX_POSTINGS || page >= maxPages) {
                listing.incomplete(what + ": stopped after " + page + " pages and " + out.size() + " postings"
                        + (total > 0 ? " of the " + total + " announced" : ""));
                return out;
            }
        }
    }
}
