package org.rxradar.feeds;

import java.util.List;
import java.util.Objects;

/**
 * The state of the process: alive (worth keeping running) and the named components readiness
 * depends on. Ready means alive and every component up.
 */
public record HealthStatus(boolean live, List<Component> components) {
    public HealthStatus {
        components = components == null ? List.of() : List.copyOf(components);
    }

    public boolean ready() {
        return live && components.stream().allMatch(Component::up);
    }

    /** @param detail a short human-readable explanation ("lag 12 < 1000", "broker unreachable: …") */
    public record Component(String name, boolean up, String detail) {
        public Component {
            Objects.requireNonNull(name, "name");
            detail = detail == null ? "" : detail;
        }

        public static Component up(String name, String detail) {
            return new Component(name, true, detail);
        }

        public static Component down(String name, String detail) {
            return new Component(name, false, detail);
        }
    }
}
