package org.rxradar.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.rxradar.bus.Bus;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.digest.SubscriptionLog;
import org.rxradar.digest.UnsubscribeTokens;
import org.rxradar.view.FeedView;
import org.rxradar.ops.HealthCheck;
import org.rxradar.web.server.HttpApi;
import org.rxradar.web.server.HttpLimits;

/**
 * A real HTTP server on a free loopback port with the subscription routes, writing to the
 * subscription topic of a real (embedded) broker and mailing through a real SMTP server.
 */
final class WebServer implements AutoCloseable {
    static final String SECRET = "test-secret-for-web-tests-0123456789";

    final HttpApi http;
    final SubscriptionService service;
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final HttpClient client = HttpClient.newHttpClient();
    private volatile String base;

    WebServer(SubscriptionLog subscriptions, int smtpPort, Path outbox) {
        this(subscriptions, smtpPort, outbox, HttpLimits.DEFAULT);
    }

    WebServer(SubscriptionLog subscriptions, int smtpPort, Path outbox, HttpLimits limits) {
        // port 0: no SMTP server, mails go to the outbox directory
        RxRadarConfig.Smtp smtp = new RxRadarConfig.Smtp(smtpPort > 0 ? "127.0.0.1" : "", smtpPort > 0 ? smtpPort : 587, false, false, "", "");
        RxRadarConfig cfg = new RxRadarConfig(null, new RxRadarConfig.Http(0, "127.0.0.1", ""), null, null, null, null,
                new RxRadarConfig.Mail("RxRadar <digest@rxradar.test>", outbox.toString(), smtp),
                new RxRadarConfig.Digest(null, null, null, SECRET, null));
        http = new HttpApi(cfg.http(), new FeedView(), HealthCheck.alwaysReady(), registry, limits);
        service = WebSubscriptions.install(http, cfg, subscriptions, () -> base, Clock.systemUTC(), registry);
        http.start();
        base = "http://127.0.0.1:" + http.port();
    }

    static Bus openBus(Path dir) {
        return Bus.open(new RxRadarConfig.Kafka("", 1, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()), "test", null));
    }

    String base() {
        return base;
    }

    String unsubscribeToken(String subscriberId) {
        return UnsubscribeTokens.withSecret(SECRET).tokenFor(subscriberId);
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getUrl(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Presses the confirmation page's button: a POST to the link's own URL. */
    HttpResponse<String> confirm(String url) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/x-www-form-urlencoded");
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String pathAndQuery, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String body) throws Exception {
        return post("/subscriptions", "application/x-www-form-urlencoded", body);
    }

    HttpResponse<String> postJson(String body) throws Exception {
        return post("/subscriptions", "application/json", body);
    }

    @Override
    public void close() {
        service.close();
        http.close();
    }
}
