package org.rxradar.fetch.ats;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.FetchResponse;

/**
 * What a {@link JobListingReader} may ask of the fetch stage: requests through the shared HTTP
 * client and host limiter, and what the source remembers of each posting.
 */
public interface ListingClient {
    /** What the source remembers of a posting, by item id and listing fingerprint. */
    enum Known {
        /** never read, or its listing entry changed since: read its details */
        NEW,
        /** published before with this very listing entry */
        PUBLISHED,
        /** read before with this very listing entry and matched no search phrase */
        IGNORED
    }

    /** GET a JSON document; a non-2xx answer is an {@link HttpStatusException}, malformed JSON a {@link FetchException}. */
    JsonNode getJson(URI url, Map<String, String> headers) throws FetchException;

    /** POST a JSON body and read the JSON answer, as {@link #getJson}. */
    JsonNode postJson(URI url, String json) throws FetchException;

    /** GET any document (sitemaps, job pages), after robots.txt; non-2xx outcomes are returned, not thrown. */
    FetchResponse get(URI url, String accept) throws FetchException;

    Known known(String itemId, String listingFingerprint);

    /** The time of this poll: published dates are checked against it, closed postings stamped with it. */
    Instant now();
}
