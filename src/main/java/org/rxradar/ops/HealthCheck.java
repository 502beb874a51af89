package org.rxradar.ops;

/**
 * Tells {@code /health} whether the process is alive and ready to serve (broker reachable,
 * consumers assigned, lag below a bound…). Called on every health request, so it should answer
 * from state the process already holds rather than block on the network.
 */
@FunctionalInterface
public interface HealthCheck {
    HealthStatus check();

    /** A check for a server with nothing to wait for: always alive and ready. */
    static HealthCheck alwaysReady() {
        return () -> new HealthStatus(true, java.util.List.of());
    }
}
