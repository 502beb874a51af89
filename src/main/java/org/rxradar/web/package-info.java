/**
 * Subscribing on the web, and what the operator watches.
 *
 * <p>Subscribing: {@link org.rxradar.web.SubscriptionRoutes} serves {@code POST /subscriptions},
 * {@code GET /subscriptions/confirm}, {@code GET|POST /unsubscribe} on the feeds' HTTP server;
 * {@link org.rxradar.web.SubscriptionService} keeps the subscriber's state in the subscription
 * topic (pending → confirmed → unsubscribed) and mails the confirmation link, signed and expiring
 * ({@link org.rxradar.web.ConfirmationTokens}); {@link org.rxradar.web.RateLimiter} bounds requests
 * per client address and mails per target address. {@link org.rxradar.web.WebSubscriptions} builds
 * it all from the configuration.
 *
 * <p>Operations: {@link org.rxradar.web.ReadinessProbe} checks the broker and the tagger's group
 * in the background for {@code /health}; {@link org.rxradar.web.KafkaClientBinder},
 * {@link org.rxradar.web.TagCounts} and {@link org.rxradar.web.CountingSender} feed {@code /metrics}.
 */
package org.rxradar.web;
