package org.rxradar.trend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * {@code /trends} (JSON), {@code /trends.html} (page with charts) and each chart alone as
 * {@code /trends/<name>.svg} (for download) over the live store; {@code ?days=N} (7–63).
 */
public final class TrendRoutes implements HttpHandler {
    private final TrendStore store;
    private final Clock clock;

    public TrendRoutes(TrendStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                send(ex, 405, "text/plain; charset=utf-8", "GET only\n");
                return;
            }
            int days;
            try {
                days = days(ex.getRequestURI().getQuery());
            } catch (IllegalArgumentException e) {
                send(ex, 400, "text/plain; charset=utf-8", e.getMessage() + "\n");
                return;
            }
            TrendReport report = store.report(LocalDate.now(clock.withZone(ZoneOffset.UTC)), days);
            switch (path) {
                case "/trends", "/trends.json" -> send(ex, 200, "application/json; charset=utf-8", TrendJson.render(report));
                case "/trends.html" -> send(ex, 200, "text/html; charset=utf-8", TrendHtml.render(report));
                default -> {
                    String name = path.startsWith("/trends/") && path.endsWith(".svg") ? path.substring(8, path.length() - 4) : "";
                    var chart = name.isEmpty() ? java.util.Optional.<TrendCharts.Chart>empty() : TrendCharts.named(report, name);
                    if (chart.isPresent()) send(ex, 200, "image/svg+xml; charset=utf-8", chart.get().svg());
                    else send(ex, 404, "text/plain; charset=utf-8", "not found; try /trends, /trends.html, /trends/leads.svg or /trends/pay.svg\n");
                }
            }
        }
    }

    static int days(String query) {
        if (query == null || query.isEmpty()) return TrendReport.DEFAULT_DAYS;
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (!kv[0].equals("days")) throw new IllegalArgumentException("unknown parameter '" + kv[0] + "' (only days)");
            try {
                int d = Integer.parseInt(kv.length > 1 ? kv[1] : "");
                if (d < 7 || d > TrendStore.DEFAULT_RETAIN_DAYS) throw new NumberFormatException();
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("days must be a number from 7 to " + TrendStore.DEFAULT_RETAIN_DAYS);
            }
        }
        return TrendReport.DEFAULT_DAYS;
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "public, max-age=300");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
