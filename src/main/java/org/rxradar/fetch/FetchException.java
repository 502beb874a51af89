package org.rxradar.fetch;

/** A fetch or parse of one source failed; the message says why in words an operator can act on. */
public class FetchException extends Exception {
    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
