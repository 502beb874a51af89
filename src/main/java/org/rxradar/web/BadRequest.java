package org.rxradar.web;

/** Input the subscription endpoints refuse: the field at fault (or null) and a message for the person who sent it. */
public final class BadRequest extends RuntimeException {
    private final String field;

    public BadRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field at fault, or null when the request as a whole is wrong. */
    public String field() {
        return field;
    }
}
