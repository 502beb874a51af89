/**
 * Subscribing on the web, the preferences page and the career pages per setting.
 *
 * <p>Subscribing: {@link org.rxradar.web.SubscriptionRoutes} serves {@code POST /subscriptions},
 * {@code GET /subscriptions/confirm}, {@code GET|POST /unsubscribe} on the feeds' HTTP server;
 * {@link org.rxradar.web.SubscriptionService} keeps the subscriber's state in the subscription
 * topic (pending → confirmed → unsubscribed) and mails the confirmation link, signed and expiring
 * ({@link org.rxradar.web.ConfirmationTokens}); {@link org.rxradar.web.RateLimiter} bounds requests
 * per client address and mails per target address. {@link org.rxradar.web.WebSubscriptions} builds
 * it all from the configuration.
 */
package org.rxradar.web;
