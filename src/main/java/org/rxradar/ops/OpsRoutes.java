package org.rxradar.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.rxradar.model.Json;
import org.rxradar.model.Kind;
import org.rxradar.view.FeedView;
import org.rxradar.web.http.Exchange;
import org.rxradar.web.http.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator or orchestrator reads: {@code /health} (ready or not, 200 or 503, with each
 * component and the view's item counts), {@code /health/live} and {@code /metrics} (Prometheus).
 * Never cached.
 */
public final class OpsRoutes {
    private static final Logger log = LoggerFactory.getLogger(OpsRoutes.class);

    private final HealthCheck health;
    private final PrometheusMeterRegistry registry;
    private final FeedView view;

    public OpsRoutes(HealthCheck health, PrometheusMeterRegistry registry, FeedView view) {
        this.health = Objects.requireNonNull(health, "health");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.view = Objects.requireNonNull(view, "view");
    }

    public void installOn(Router router) {
        router.get("/health", this::health);
        router.get("/health/live", ex -> ex.send(200, Exchange.JSON, Exchange.NO_STORE, "{\"live\":true}"));
        router.get("/metrics", ex -> ex.send(200, "text/plain; version=0.0.4; charset=utf-8", Exchange.NO_STORE,
                registry.scrape().getBytes(StandardCharsets.UTF_8)));
    }

    private void health(Exchange ex) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean ready;
        try {
            HealthStatus s = health.check();
            ready = s.ready();
            body.put("status", ready ? "UP" : "DOWN");
            body.put("live", s.live());
            body.put("ready", ready);
            Map<String, Object> components = new LinkedHashMap<>();
            for (HealthStatus.Component c : s.components()) {
                components.put(c.name(), Map.of("status", c.up() ? "UP" : "DOWN", "detail", c.detail()));
            }
            body.put("components", components);
            if (!s.instance().isEmpty()) body.put("instance", s.instance());
        } catch (RuntimeException e) {
            log.warn("Health check failed", e);
            ready = false;
            body.put("status", "DOWN");
            body.put("live", true);
            body.put("ready", false);
            body.put("error", String.valueOf(e.getMessage()));
        }
        body.put("items", Map.of("jobs", view.count(Kind.JOB), "news", view.count(Kind.NEWS)));
        ex.send(ready ? 200 : 503, Exchange.JSON, Exchange.NO_STORE, Json.bytes(body));
    }
}
