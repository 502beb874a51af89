package org.rxradar.fetch.ats;

import org.rxradar.fetch.FetchException;

/** Error messages that name the listing they come from ("greenhouse board 'acme': malformed JSON from …"). */
final class ReadFailures {
    private ReadFailures() {}

    /**
     * {@code e} with the listing's label in front. HTTP status and configuration failures are
     * returned as they are: the fetch stage reads their kind (a 401 pauses the source) and their
     * message already names the URL.
     */
    static FetchException labelled(String label, FetchException e) {
        if (e instanceof HttpStatusException || e instanceof SourceConfigException) return e;
        return new FetchException(label + ": " + e.getMessage(), e);
    }
}
