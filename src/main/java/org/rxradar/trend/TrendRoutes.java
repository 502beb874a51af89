package org.rxradar.trend;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.rxradar.web.http.Exchange;
import org.rxradar.web.http.HttpProblem;
import org.rxradar.web.http.Query;
import org.rxradar.web.http.Router;
import org.rxradar.web.server.HttpApi;

/**
 * {@code /trends} (JSON), {@code /trends.html} (page with charts) and each chart alone as
 * {@code /trends/<name>.svg} (for download) over the live store; {@code ?days=N} (7–63).
 * Answers are cached for five minutes; errors not at all.
 */
public final class TrendRoutes {
    private static final String CACHE_CONTROL = "public, max-age=300";
    private static final String TRY = "Try /trends, /trends.html, /trends/leads.svg or /trends/pay.svg";
    private final TrendStore store;
    private final Clock clock;

    public TrendRoutes(TrendStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Adds the routes to the server (before it starts). */
    public void installOn(HttpApi http) {
        installOn(http.routes());
    }

    void installOn(Router router) {
        router.get("/trends", ex -> ex.send(200, "application/json; charset=utf-8", CACHE_CONTROL, TrendJson.render(report(ex))));
        router.get("/trends.json", ex -> ex.send(200, "application/json; charset=utf-8", CACHE_CONTROL, TrendJson.render(report(ex))));
        router.get("/trends.html", ex -> ex.send(200, "text/html; charset=utf-8", CACHE_CONTROL, TrendHtml.render(report(ex))));
        router.get("/trends/{name}.svg", this::chart);
        router.notFoundHint("/trends", TRY);
    }

    private void chart(Exchange ex) throws IOException {
        TrendReport report = report(ex);
        Optional<TrendCharts.Chart> chart = TrendCharts.named(report, ex.param("name"));
        if (chart.isEmpty()) throw HttpProblem.notFound("Not found: " + ex.path() + ". " + TRY + "\n");
        ex.send(200, "image/svg+xml; charset=utf-8", CACHE_CONTROL, chart.get().svg());
    }

    private TrendReport report(Exchange ex) {
        return store.report(LocalDate.now(clock.withZone(ZoneOffset.UTC)), days(ex.query()));
    }

    /** @throws HttpProblem 400 naming the parameter */
    static int days(Query query) {
        return query.allowOnly(List.of("days")).intValue("days", TrendReport.DEFAULT_DAYS, 7, TrendStore.DEFAULT_RETAIN_DAYS);
    }
}
