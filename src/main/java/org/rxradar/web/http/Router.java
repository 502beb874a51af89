package org.rxradar.web.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps method and path to a {@link Route}, the one place where the HTTP rules of every route live:
 * <ul>
 *   <li>a template is an exact path ({@code /feeds.opml}) or has parameters: {@code {id}} is one
 *       segment or part of one ({@code /trends/{name}.svg}), {@code {rest*}} as the last segment is
 *       the rest of the path. Exact paths win over templates; among templates the first added wins;</li>
 *   <li>{@link #get} serves HEAD too (the headers and Content-Length of the GET, no body);</li>
 *   <li>a path with routes but not for this method: 405 with {@code Allow} listing the ones it has;
 *       a path without routes: 404 with one line pointing to what exists ({@link #notFoundHint});</li>
 *   <li>an {@link HttpProblem} is answered as its status and text; a failure 500, with one log line
 *       naming the method and path, never the query (it may carry tokens), and no stack (at debug);</li>
 *   <li>every request is timed into {@code http.server.requests}, the template as its {@code uri}.</li>
 * </ul>
 * Errors are plain text with {@code Cache-Control: no-store}. Add routes before serving.
 */
public final class Router implements HttpHandler {
    public static final String NOT_FOUND = "NOT_FOUND";
    private static final Logger log = LoggerFactory.getLogger(Router.class);
    private static final List<String> METHOD_ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)(\\*?)}");

    private final MeterRegistry registry;
    private final Map<String, List<Entry>> exact = new LinkedHashMap<>();
    private final List<Entry> templates = new ArrayList<>();
    private final TreeMap<String, String> hints = new TreeMap<>();
    private volatile boolean frozen;

    /** @param defaultHint the 404's pointer for paths no {@link #notFoundHint} prefix covers */
    public Router(MeterRegistry registry, String defaultHint) {
        this.registry = Objects.requireNonNull(registry, "registry");
        hints.put("", defaultHint);
    }

    private record Entry(String template, String tag, Pattern pattern, List<String> names, Set<String> methods, Route route) {}

    /** GET and HEAD. */
    public Router get(String template, Route route) {
        return add(template, route, "GET", "HEAD");
    }

    public Router post(String template, Route route) {
        return add(template, route, "POST");
    }

    /** Exactly these methods (HEAD only when listed). */
    public synchronized Router add(String template, Route route, String... methods) {
        if (frozen) throw new IllegalStateException("add routes before serving");
        if (template == null || !template.startsWith("/")) throw new IllegalArgumentException("a route's path must start with '/': " + template);
        if (methods.length == 0) throw new IllegalArgumentException("a route needs a method: " + template);
        Objects.requireNonNull(route, "route");
        Set<String> m = new LinkedHashSet<>(List.of(methods));
        Matcher p = PARAM.matcher(template);
        if (!p.find()) {
            exact.computeIfAbsent(template, t -> new ArrayList<>()).add(new Entry(template, template, null, List.of(), m, route));
            return this;
        }
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        int last = 0;
        p.reset();
        while (p.find()) {
            boolean rest = !p.group(2).isEmpty();
            if (rest && p.end() != template.length()) throw new IllegalArgumentException("{" + p.group(1) + "*} must end the template: " + template);
            regex.append(Pattern.quote(template.substring(last, p.start()))).append(rest ? "(.+)" : "([^/]+?)");
            names.add(p.group(1));
            last = p.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        templates.add(new Entry(template, template.replace("*}", "}"), Pattern.compile(regex.toString()), List.copyOf(names), m, route));
        return this;
    }

    /** The 404's pointer for paths under {@code prefix} (the longest prefix wins), e.g. "Try /api/items". */
    public synchronized Router notFoundHint(String prefix, String hint) {
        hints.put(prefix, hint);
        return this;
    }

    @Override
    public void handle(HttpExchange raw) {
        frozen = true;
        long start = System.nanoTime();
        String path = raw.getRequestURI().getRawPath();
        String method = raw.getRequestMethod();
        String tag = NOT_FOUND;
        Exchange ex = new Exchange(raw, Map.of());
        try {
            List<Entry> candidates = exact.getOrDefault(path, List.of());
            Entry chosen = null;
            Map<String, String> params = Map.of();
            Set<String> allowed = new LinkedHashSet<>();
            for (Entry e : candidates) {
                if (chosen == null && e.methods.contains(method)) chosen = e;
                allowed.addAll(e.methods);
            }
            if (candidates.isEmpty() || chosen == null) {
                for (Entry e : templates) {
                    Matcher m = e.pattern.matcher(path);
                    if (!m.matches()) continue;
                    if (candidates.isEmpty() && allowed.isEmpty()) tag = e.tag;
                    allowed.addAll(e.methods);
                    if (e.methods.contains(method)) {
                        chosen = e;
                        params = new LinkedHashMap<>();
                        for (int i = 0; i < e.names.size(); i++) params.put(e.names.get(i), m.group(i + 1));
                        break;
                    }
                }
            }
            if (!candidates.isEmpty()) tag = candidates.get(0).tag;
            if (chosen != null) {
                tag = chosen.tag;
                ex = new Exchange(raw, params);
                chosen.route.handle(ex);
                if (!ex.answered()) ex.text(500, "Internal error; the route gave no answer\n");
            } else if (!allowed.isEmpty()) {
                List<String> allow = new ArrayList<>(allowed);
                allow.sort((a, b) -> Integer.compare(order(a), order(b)));
                ex.header("Allow", String.join(", ", allow));
                ex.text(405, "Method " + method + " is not allowed here; use " + String.join(" or ", allow) + "\n");
            } else {
                ex.text(404, "Not found: " + path + ". " + hint(path) + "\n");
            }
        } catch (HttpProblem p) {
            answer(ex, p.status(), p.getMessage(), tag);
        } catch (IOException e) {
            log.debug("Client went away during {} {}: {}", method, tag, e.getMessage());
        } catch (RuntimeException e) {
            // one line; the query is left out, it may carry a token
            log.error("{} {} failed: {}", method, path, e.toString());
            log.debug("Stack of the failure", e);
            answer(ex, 500, "Internal error; the server log has the details\n", tag);
        } finally {
            ex.close();
            int status = ex.status() < 0 ? 500 : ex.status();
            record(method, tag, status, start);
        }
    }

    private static void answer(Exchange ex, int status, String message, String tag) {
        if (ex.answered()) return;
        try {
            ex.text(status, message.endsWith("\n") ? message : message + "\n");
        } catch (IOException e) {
            log.debug("Client went away before the {} answer of {}: {}", status, tag, e.getMessage());
        }
    }

    private String hint(String path) {
        for (Map.Entry<String, String> h = hints.floorEntry(path); h != null; h = hints.lowerEntry(h.getKey())) {
            if (path.startsWith(h.getKey())) return h.getValue();
        }
        return hints.get("");
    }

    private static int order(String method) {
        int i = METHOD_ORDER.indexOf(method);
        return i < 0 ? METHOD_ORDER.size() : i;
    }

    private void record(String method, String route, int status, long startNanos) {
        Timer.builder("http.server.requests")
                .description("HTTP requests served")
                .tag("method", methodTag(method))
                .tag("uri", route)
                .tag("status", Integer.toString(status))
                .tag("outcome", status < 400 ? "SUCCESS" : status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR")
                .register(registry)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    // clients choose the method string: keep the tag's values few
    private static String methodTag(String method) {
        return METHOD_ORDER.contains(method) ? method : "OTHER";
    }
}
