package org.rxradar.tag;

/** A rules file that cannot be used: the message names the file and the entry at fault. */
public final class RulesException extends RuntimeException {
    public RulesException(String message) {
        super(message);
    }

    public RulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
