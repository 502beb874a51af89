package org.rxradar.fetch;

import java.net.URI;
import java.time.Duration;

/**
 * The outcome of one HTTP fetch after redirects. Only {@link Outcome#OK} carries a body.
 *
 * @param finalUrl   where the body came from (after redirects); relative links resolve against it
 * @param retryAfter what the server asked for on 429/503, or null
 */
public record FetchResponse(Outcome outcome, int status, URI finalUrl, String contentType, byte[] body,
                            Validators validators, Duration retryAfter) {

    public enum Outcome {
        /** 2xx with a body. */
        OK,
        /** 304: unchanged since the validators we sent. */
        NOT_MODIFIED,
        /** 404: may come back, counts as an error. */
        NOT_FOUND,
        /** 410: gone for good, the source is paused. */
        GONE,
        /** 429 or 503: the server asked us to slow down. */
        RETRY_LATER,
        /** any other status. */
        HTTP_ERROR
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
