package org.rxradar.bus;

/**
 * A stage of this instance was fenced: another process took over its transactional id or its static
 * group membership, which means another instance runs with the same {@code instance.id}. Retrying
 * cannot help and would fence the other one back, so the process stops with this one-line message
 * (exit code 5 from the command line).
 */
public final class InstanceFencedException extends BusException {
    public InstanceFencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
