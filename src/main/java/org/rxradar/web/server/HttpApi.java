package org.rxradar.web.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import org.rxradar.config.ConfigException;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.config.SourceNames;
import org.rxradar.feeds.FeedRoutes;
import org.rxradar.ops.HealthCheck;
import org.rxradar.ops.OpsRoutes;
import org.rxradar.view.FeedView;
import org.rxradar.web.http.Router;
import org.rxradar.web.page.PageTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of the process: the feeds, the read API and the front page ({@link FeedRoutes}),
 * {@code /health} and {@code /metrics} ({@link OpsRoutes}), the stylesheet, plus the routes other
 * packages add to {@link #routes()} before it starts. All are answered by one {@link Router} on
 * {@link NioHttpServer}, which reads requests without holding a thread, so slow clients cannot
 * starve the routes.
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);

    private final RxRadarConfig.Http cfg;
    private final FeedView view;
    private final PrometheusMeterRegistry registry;
    private final HttpLimits limits;
    private final Router router;
    private final FeedRoutes feeds;
    private NioHttpServer server;
    private volatile boolean started;
    private volatile String baseUrl;
    private SourceNames sourceNames = SourceNames.none();

    public HttpApi(RxRadarConfig.Http cfg, FeedView view, HealthCheck health, PrometheusMeterRegistry registry) {
        this(cfg, view, health, registry, HttpLimits.DEFAULT);
    }

    /** @param limits what one client may cost the server (timeouts, sizes, connections per address) */
    public HttpApi(RxRadarConfig.Http cfg, FeedView view, HealthCheck health, PrometheusMeterRegistry registry, HttpLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.cfg = Objects.requireNonNull(cfg, "cfg");
        this.view = Objects.requireNonNull(view, "view");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.router = new Router(registry, "Try /, /feeds.opml (every feed), /api/items, /health or /metrics");
        this.feeds = new FeedRoutes(view, Clock.systemUTC());
        feeds.installOn(router);
        new OpsRoutes(health, registry, view).installOn(router);
        router.get(PageTemplates.STYLESHEET_PATH, ex -> ex.send(200, "text/css; charset=utf-8", PageTemplates.STYLESHEET_CACHE_CONTROL,
                PageTemplates.stylesheet()));
    }

    /** The configured sources' names, shown in feeds and pages instead of source ids. Call before {@link #start}. */
    public synchronized HttpApi sourceNames(SourceNames names) {
        if (started) throw new IllegalStateException("set source names before start()");
        this.sourceNames = Objects.requireNonNull(names, "names");
        return this;
    }

    /** Where other packages add their routes (same port, pool, timing and error answers). Before {@link #start}. */
    public synchronized Router routes() {
        if (started) throw new IllegalStateException("add routes before start()");
        return router;
    }

    /**
     * Takes the port now without serving yet (connections wait in the backlog until {@link #start}),
     * so that a taken port is reported at once, before anything slow such as a broker starts.
     * Idempotent; {@link #start} binds when this was not called.
     *
     * @throws ConfigException naming {@code http.port} when the port is taken, {@code http.bind} when the address is unusable
     */
    public synchronized void bind() {
        if (server != null) return;
        InetSocketAddress address = new InetSocketAddress(cfg.bind(), cfg.port());
        if (address.isUnresolved()) throw new ConfigException("http.bind", "cannot resolve '" + cfg.bind() + "'");
        NioHttpServer s = new NioHttpServer(cfg.bind(), cfg.port(), limits, router);
        try {
            s.bind();
        } catch (IOException e) {
            s.close();
            BindException taken = bindException(e);
            if (taken != null && portInUse(taken)) {
                throw new ConfigException("http.port", "cannot listen on " + cfg.bind() + ":" + cfg.port() + " (" + taken.getMessage()
                        + "); another process holds the port: choose another http.port, or 0 for any free port");
            }
            throw new ConfigException("http.bind", "cannot listen on " + cfg.bind() + ":" + cfg.port() + ": "
                    + (taken != null ? taken.getMessage() : e.getMessage()));
        }
        server = s;
    }

    /**
     * Binds (unless {@link #bind} did) and starts serving.
     *
     * @throws ConfigException naming {@code http.port} when the port is taken, {@code http.bind} when the address is unusable
     */
    public synchronized void start() {
        if (started) throw new IllegalStateException("already started");
        bind();
        String base = cfg.baseUrl().isEmpty() ? "http://localhost:" + server.port() : cfg.publicBaseUrl();
        baseUrl = base;
        feeds.open(base, sourceNames);
        if (registry.find("rxradar.feeds.view.items").gauge() == null) {
            Gauge.builder("rxradar.feeds.view.items", view, FeedView::size)
                    .description("relevant items in the feed view").register(registry);
        }
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException("HTTP server did not start: " + e.getMessage(), e);
        }
        started = true;
        log.info("HTTP server listening on {}:{}, links use {}", cfg.bind(), port(), base);
    }

    private static BindException bindException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof BindException b) return b;
        return null;
    }

    // "Address already in use"; "Cannot assign requested address" (an http.bind this machine lacks) is a BindException too
    private static boolean portInUse(BindException e) {
        return e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("in use");
    }

    /** The public base of links (the configured {@code http.base-url}, else this server's loopback address and real port). */
    public String publicBaseUrl() {
        if (baseUrl == null) throw new IllegalStateException("not started");
        return baseUrl;
    }

    /** The port actually bound (the configured one, or the one picked for port 0). */
    public int port() {
        NioHttpServer s = server;
        if (s == null) throw new IllegalStateException("not bound");
        return s.port();
    }

    @Override
    public synchronized void close() {
        if (server == null) return;
        server.close();
        server = null;
        if (started) log.info("HTTP server stopped");
        started = false;
    }
}
