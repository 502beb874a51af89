package org.rxradar.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.digest.Mailer;
import org.rxradar.digest.OutboxMailer;
import org.rxradar.digest.SmtpMailer;
import org.rxradar.digest.SubscriptionLog;
import org.rxradar.digest.UnsubscribeTokens;
import org.rxradar.web.server.HttpApi;

/** Builds the subscription endpoints from the configuration and adds them to the HTTP server. */
public final class WebSubscriptions {
    private static final int MAX_TRACKED = 100_000;
    /** A web request should not wait on SMTP retries for minutes: fewer, shorter ones than the digest's. */
    private static final SmtpMailer.Retry MAIL_RETRY = new SmtpMailer.Retry(3, Duration.ofSeconds(2), Duration.ofSeconds(20));

    private WebSubscriptions() {}

    /**
     * Adds {@code /subscriptions}, {@code /unsubscribe} and {@code /preferences} to {@code http} (call before it starts).
     *
     * @param baseUrl the public base of links, read when a mail is written
     * @return the service, to close on shutdown
     */
    public static SubscriptionService install(HttpApi http, RxRadarConfig cfg, SubscriptionLog subscriptions,
                                              Supplier<String> baseUrl, Clock clock, MeterRegistry metrics) {
        boolean production = cfg.mail().smtp().enabled();
        Mailer mailer = cfg.mail().smtp().enabled() ? new SmtpMailer(cfg.mail().smtp(), MAIL_RETRY) : new OutboxMailer(Path.of(cfg.mail().outbox()));
        SubscriptionService service = new SubscriptionService(subscriptions, ConfirmationTokens.fromConfig(cfg.digest().secret(), clock),
                UnsubscribeTokens.fromConfig(cfg.digest().secret(), production), mailer, cfg.mail().from(), baseUrl,
                new RateLimiter(SubscriptionService.PER_EMAIL_LIMITS, MAX_TRACKED, clock), clock, metrics);
        new SubscriptionRoutes(service, new RateLimiter(SubscriptionRoutes.PER_CLIENT_LIMITS, MAX_TRACKED, clock)).installOn(http);
        new PreferencesRoutes(subscriptions, UnsubscribeTokens.fromConfig(cfg.digest().secret(), production), baseUrl).installOn(http);
        return service;
    }
}
