/**
 * The daily email digest: which items one subscriber gets, how they read, how they are delivered,
 * and (with the bus) who gets one when.
 *
 * <ul>
 *   <li>{@link org.rxradar.digest.SubscriberFilter}: the filter rules (settings, topics, kinds,
 *       states/remote, keywords) and the "why you got this" of each entry.</li>
 *   <li>{@link org.rxradar.digest.DigestSelector}: clusters, ranking, caps, grouping into a
 *       {@link org.rxradar.digest.Digest}.</li>
 *   <li>{@link org.rxradar.digest.DigestRenderer}: Pebble templates {@code digest/digest.html.peb}
 *       (inline styles, autoescaped, no scripts, images or tracking) and {@code digest/digest.txt.peb}.</li>
 *   <li>{@link org.rxradar.digest.DigestMessageFactory}: the MIME message with its headers;
 *       {@link org.rxradar.digest.UnsubscribeTokens}: the signed one-click unsubscribe tokens.</li>
 *   <li>{@link org.rxradar.digest.Mailer}: {@link org.rxradar.digest.SmtpMailer} (retries on 4xx,
 *       {@link org.rxradar.digest.PermanentDeliveryException} on 5xx) or
 *       {@link org.rxradar.digest.OutboxMailer} ({@code .eml} and {@code .html} files).</li>
 *   <li>{@link org.rxradar.digest.DigestService}: select, render, send in one call (the stage's
 *       sender), returning the {@link org.rxradar.digest.DeliveryResult} the stage records as a
 *       {@link org.rxradar.model.DigestRecord}; {@link org.rxradar.digest.WeeklyTrends}: the
 *       "Trends this week" section, weekly.</li>
 *   <li>{@link org.rxradar.digest.DeliverStage}: per-time-zone send times, weekly frequency, catch-up,
 *       optional parallel delivery over a {@link org.rxradar.digest.MailerPool}; the books are kept in
 *       {@link org.rxradar.digest.SubscriptionLog} and {@link org.rxradar.digest.DigestLog} (topics).</li>
 *   <li>{@link org.rxradar.digest.DigestPreview}: a subscriber's next digest read from the topics,
 *       neither sent nor recorded ({@code rxradar digest preview}).</li>
 * </ul>
 */
package org.rxradar.digest;
