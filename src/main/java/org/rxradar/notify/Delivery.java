package org.rxradar.notify;

/**
 * How one target took one alert, after every try.
 *
 * @param status   the last HTTP status, 0 when no answer came (connection refused, timeout)
 * @param attempts tries made
 * @param error    why it failed, null when delivered
 */
public record Delivery(boolean ok, int status, int attempts, String error) {}
