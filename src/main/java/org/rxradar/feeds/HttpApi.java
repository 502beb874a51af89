package org.rxradar.feeds;

import org.rxradar.view.FeedView;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.rxradar.config.ConfigException;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.config.SourceNames;
import org.rxradar.model.Kind;
import org.rxradar.model.Json;
import org.rxradar.web.page.PageTemplates;
import org.rxradar.web.server.HttpLimits;
import org.rxradar.web.server.NioHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: topic feeds (Atom, RSS), the OPML list, the front page, {@code /health} and
 * {@code /metrics}, plus the routes other packages add ({@link #route}). Served by
 * {@link NioHttpServer}, which reads requests without holding a thread, so slow clients cannot
 * starve the routes; the routes only read memory. A route's failure is answered 500 with one log
 * line naming the path, never the query (it carries tokens).
 */
public final class HttpApi implements AutoCloseable {
    static final String FEED_CACHE_CONTROL = "public, max-age=300";
    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);

    private final RxRadarConfig.Http cfg;
    private final FeedView view;
    private final HealthCheck health;
    private final PrometheusMeterRegistry registry;
    private final Clock clock;
    private final HttpLimits limits;
    private final Map<String, HttpHandler> extraRoutes = new LinkedHashMap<>();
    private NioHttpServer server;
    private volatile boolean started;
    private RenderedFeeds feeds;
    private byte[] opml;
    private volatile String baseUrl;
    private volatile SourceNames sourceNames = SourceNames.none();

    public HttpApi(RxRadarConfig.Http cfg, FeedView view, HealthCheck health, PrometheusMeterRegistry registry) {
        this(cfg, view, health, registry, HttpLimits.DEFAULT);
    }

    /** @param limits what one client may cost the server (timeouts, sizes, connections per address) */
    public HttpApi(RxRadarConfig.Http cfg, FeedView view, HealthCheck health, PrometheusMeterRegistry registry, HttpLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.cfg = Objects.requireNonNull(cfg, "cfg");
        this.view = Objects.requireNonNull(view, "view");
        this.health = Objects.requireNonNull(health, "health");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Clock.systemUTC();
        // built-in routes that live in their own classes: the read API and the events calendar
        extraRoutes.put("/api/", new ItemsApi(view));
        extraRoutes.put(EventsRoute.PATH, new EventsRoute(view, clock));
    }

    /** The configured sources' names, shown in feeds and pages instead of source ids. Call before {@link #start}. */
    public synchronized HttpApi sourceNames(SourceNames names) {
        if (started) throw new IllegalStateException("set source names before start()");
        this.sourceNames = Objects.requireNonNull(names, "names");
        return this;
    }

    /**
     * Adds a handler for every path under {@code pathPrefix} (e.g. "/subscriptions", "/unsubscribe"),
     * served on the same port and pool and timed like the built-in routes. As with the JDK server's
     * contexts, the longest prefix of the raw path wins ("/trends" serves "/trends.html" too).
     * Call before {@link #start}.
     */
    public synchronized HttpApi route(String pathPrefix, HttpHandler handler) {
        if (started) throw new IllegalStateException("add routes before start()");
        if (pathPrefix == null || !pathPrefix.startsWith("/") || pathPrefix.equals("/")) {
            throw new IllegalArgumentException("route prefix must start with '/' and not be '/' itself: " + pathPrefix);
        }
        extraRoutes.put(pathPrefix, Objects.requireNonNull(handler, "handler"));
        return this;
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
        NioHttpServer s = new NioHttpServer(cfg.bind(), cfg.port(), limits, this::dispatch);
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
        feeds = new RenderedFeeds(view, new FeedWriter(base, sourceNames), 2048);
        opml = new OpmlWriter(base).write(clock.instant());
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

    /** The route whose prefix is the longest one the raw path starts with, else the built-in routes. */
    private void dispatch(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String best = null;
        for (String prefix : extraRoutes.keySet()) {
            if (path != null && path.startsWith(prefix) && (best == null || prefix.length() > best.length())) best = prefix;
        }
        if (best == null) handle(ex);
        else timed(ex, best, extraRoutes.get(best));
    }

    private void handle(HttpExchange ex) {
        long start = System.nanoTime();
        String route = "NOT_FOUND";
        int status = 500;
        try {
            String path = ex.getRequestURI().getRawPath();
            String method = ex.getRequestMethod();
            route = routeOf(path);
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                status = text(ex, 405, "Method " + method + " is not allowed here; use GET\n");
                return;
            }
            status = switch (route) {
                case "/" -> send(ex, 200, "text/html; charset=utf-8", "no-cache", HomePage.render(view, ex.getRequestURI().getRawQuery(), sourceNames));
                case PageTemplates.STYLESHEET_PATH -> send(ex, 200, "text/css; charset=utf-8", PageTemplates.STYLESHEET_CACHE_CONTROL,
                        PageTemplates.stylesheet());
                case "/health" -> health(ex);
                case "/health/live" -> send(ex, 200, "application/json", "no-store", "{\"live\":true}".getBytes(StandardCharsets.UTF_8));
                case "/metrics" -> send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", "no-store",
                        registry.scrape().getBytes(StandardCharsets.UTF_8));
                case "/feeds.opml" -> send(ex, 200, "text/x-opml; charset=utf-8", FEED_CACHE_CONTROL, opml);
                case "NOT_FOUND" -> text(ex, 404, "Not found: " + path + ". Try /, /feeds.opml (every feed), /api/items, /health or /metrics\n");
                default -> feed(ex, path);
            };
        } catch (HttpProblem p) {
            status = text(ex, p.status(), p.getMessage());
        } catch (IOException e) {
            log.debug("Client went away during {} {}: {}", ex.getRequestMethod(), route, e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} {} failed: {}", ex.getRequestMethod(), ex.getRequestURI().getRawPath(), e.toString());
            log.debug("Stack of the failure", e);
            if (ex.getResponseCode() < 0) status = text(ex, 500, "Internal error; the server log has the details\n");
        } finally {
            ex.close();
            record(ex, route, status, start);
        }
    }

    /**
     * Runs an added route: timed, and its failure answered 500 (when it had not answered yet) with one
     * log line naming the path and the exception, never the query, which carries tokens.
     */
    private void timed(HttpExchange ex, String route, HttpHandler handler) {
        long start = System.nanoTime();
        try {
            handler.handle(ex);
        } catch (IOException e) {
            log.debug("Client went away during {} {}: {}", ex.getRequestMethod(), route, e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} {} failed: {}", ex.getRequestMethod(), ex.getRequestURI().getRawPath(), e.toString());
            log.debug("Stack of the failure", e);
            if (ex.getResponseCode() < 0) text(ex, 500, "Internal error; the server log has the details\n");
        } finally {
            ex.close();
            int status = ex.getResponseCode() < 0 ? 500 : ex.getResponseCode();
            record(ex, route, status, start);
        }
    }

    private void record(HttpExchange ex, String route, int status, long startNanos) {
        Timer.builder("http.server.requests")
                .description("HTTP requests served")
                .tag("method", methodTag(ex.getRequestMethod()))
                .tag("uri", route)
                .tag("status", Integer.toString(status))
                .tag("outcome", status < 400 ? "SUCCESS" : status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR")
                .register(registry)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    // clients choose the method string: keep the tag's values few
    private static String methodTag(String method) {
        return switch (method) {
            case "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH" -> method;
            default -> "OTHER";
        };
    }

    /** The route template, used as the low-cardinality {@code uri} tag of the request timer. */
    private static String routeOf(String path) {
        if (path.equals("/") || path.equals("/health") || path.equals("/health/live") || path.equals("/metrics")
                || path.equals("/feeds.opml") || path.equals(PageTemplates.STYLESHEET_PATH)) {
            return path;
        }
        if (path.startsWith("/feeds/settings/")) return "/feeds/settings/{id}";
        if (path.startsWith("/feeds/topics/")) return "/feeds/topics/{id}";
        if (FeedRequest.handles(path)) return "/feeds/{name}";
        return "NOT_FOUND";
    }

    private int feed(HttpExchange ex, String path) throws IOException {
        FeedRequest request = FeedRequest.parse(path, ex.getRequestURI().getRawQuery());
        RenderedFeeds.Rendered feed = feeds.get(request);
        boolean gzip = acceptsGzip(ex.getRequestHeaders().getFirst("Accept-Encoding"));
        String etag = feed.etag(gzip);
        Headers h = ex.getResponseHeaders();
        h.set("ETag", etag);
        h.set("Last-Modified", httpDate(feed.lastModified()));
        h.set("Cache-Control", FEED_CACHE_CONTROL);
        h.set("Vary", "Accept-Encoding");
        if (notModified(ex.getRequestHeaders(), etag, feed.lastModified())) {
            ex.sendResponseHeaders(304, -1);
            return 304;
        }
        if (gzip) h.set("Content-Encoding", "gzip");
        return send(ex, 200, request.format().contentType(), FEED_CACHE_CONTROL, gzip ? feed.gzipBody() : feed.body());
    }

    /** True when the client lists gzip without refusing it by {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.trim().split(";");
            if (!p[0].trim().equalsIgnoreCase("gzip")) continue;
            for (int i = 1; i < p.length; i++) {
                String param = p[i].trim().replace(" ", "");
                if (param.matches("q=0(\\.0*)?")) return false;
            }
            return true;
        }
        return false;
    }

    /** If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2). */
    static boolean notModified(Headers req, String etag, Instant lastModified) {
        String inm = req.getFirst("If-None-Match");
        if (inm != null) {
            for (String tag : inm.split(",")) {
                String t = tag.trim();
                if (t.startsWith("W/")) t = t.substring(2);
                if (t.equals("*") || t.equals(etag)) return true;
            }
            return false;
        }
        String ims = req.getFirst("If-Modified-Since");
        if (ims == null) return false;
        try {
            Instant since = ZonedDateTime.parse(ims.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
        } catch (DateTimeParseException e) {
            return false; // an unreadable date is ignored, as the RFC asks
        }
    }

    private int health(HttpExchange ex) throws IOException {
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
        return send(ex, ready ? 200 : 503, "application/json", "no-store", Json.bytes(body));
    }

    private static int text(HttpExchange ex, int status, String message) {
        try {
            return send(ex, status, "text/plain; charset=utf-8", "no-store", message.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.debug("Client went away before the {} answer: {}", status, e.getMessage());
            return status;
        }
    }

    private static int send(HttpExchange ex, int status, String type, String cacheControl, byte[] body) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", cacheControl);
        boolean head = ex.getRequestMethod().equals("HEAD");
        if (head) h.set("Content-Length", Integer.toString(body.length));
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        return status;
    }

    static String httpDate(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }
}
