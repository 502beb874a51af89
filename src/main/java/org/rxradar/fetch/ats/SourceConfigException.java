package org.rxradar.fetch.ats;

import org.rxradar.fetch.FetchException;

/**
 * The source cannot work as configured (a missing or refused API key, a URL that names no board):
 * it is paused until the configuration changes, instead of being retried with backoff.
 */
public final class SourceConfigException extends FetchException {
    public SourceConfigException(String message) {
        super(message);
    }
}
