package org.rxradar.bus;

/** The broker cannot be reached or refused an operation that the pipeline cannot do without. */
public class BusException extends RuntimeException {
    public BusException(String message, Throwable cause) {
        super(message, cause);
    }

    public BusException(String message) {
        super(message);
    }
}
