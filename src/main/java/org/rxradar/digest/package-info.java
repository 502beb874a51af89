/**
 * The daily email digest, without the bus: which items one subscriber gets, how they read, how
 * they are delivered.
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
 *   <li>{@link org.rxradar.digest.DigestService}: select, render, send in one call, returning a
 *       {@link org.rxradar.digest.DeliveryResult} to record.</li>
 * </ul>
 */
package org.rxradar.digest;
