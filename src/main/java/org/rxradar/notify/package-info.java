/**
 * Alerts besides email: a subscriber's {@code notify} targets (a signed generic webhook, ntfy,
 * Slack, Discord) hear about job leads with the digest or as new leads arrive. Sending is retried
 * with backoff and bounded in time; a failing target is recorded on the subscriber
 * ({@link org.rxradar.notify.NotifyLog}) and never holds up email, other targets or other subscribers.
 */
package org.rxradar.notify;
