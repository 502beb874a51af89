package org.rxradar.ops;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of the process: alive (worth keeping running) and the named components readiness
 * depends on. Ready means alive and every component up.
 *
 * @param instance which instance this is and what it owns ({@code bus.Ownership#snapshot}); empty when not known
 */
public record HealthStatus(boolean live, List<Component> components, Map<String, Object> instance) {
    public HealthStatus {
        components = components == null ? List.of() : List.copyOf(components);
        instance = instance == null ? Map.of() : instance;
    }

    public HealthStatus(boolean live, List<Component> components) {
        this(live, components, null);
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
