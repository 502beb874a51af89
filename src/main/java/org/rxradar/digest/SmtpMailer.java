package org.rxradar.digest;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.rxradar.config.RxRadarConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends digests through an SMTP server with Angus Mail: implicit TLS ({@code tls}, port 465) or
 * STARTTLS (required when enabled), authentication when a username is set.
 *
 * <p>A temporary failure (a 4xx reply, a lost or refused connection) is retried with exponential
 * backoff; a permanent one (5xx) is thrown at once as {@link PermanentDeliveryException} with the
 * server's reply. One connection is kept open and reused between digests, and reopened after any
 * failure. Sends are serialised on that connection.
 */
public final class SmtpMailer implements Mailer {
    private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

    /** How often and how patiently to try: {@code attempts} in all, waits doubling from {@code firstBackoff} up to {@code maxBackoff}. */
    public record Retry(int attempts, Duration firstBackoff, Duration maxBackoff) {
        public static final Retry DEFAULT = new Retry(4, Duration.ofSeconds(2), Duration.ofSeconds(60));

        public Retry {
            if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
            Objects.requireNonNull(firstBackoff, "firstBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
        }

        Duration backoff(int failedAttempt) {
            long ms = firstBackoff.toMillis() << Math.min(20, failedAttempt - 1);
            return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
        }
    }

    private final RxRadarConfig.Smtp smtp;
    private final Retry retry;
    private final Session session;
    private final String protocol;
    private Transport transport;

    public SmtpMailer(RxRadarConfig.Smtp smtp, Retry retry) {
        if (!smtp.enabled()) throw new IllegalArgumentException("mail.smtp.host is not set");
        this.smtp = smtp;
        this.retry = retry;
        this.protocol = smtp.tls() ? "smtps" : "smtp";
        this.session = Session.getInstance(properties(smtp, protocol));
    }

    public SmtpMailer(RxRadarConfig.Smtp smtp) {
        this(smtp, Retry.DEFAULT);
    }

    static Properties properties(RxRadarConfig.Smtp smtp, String protocol) {
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put(p + "host", smtp.host());
        props.put(p + "port", String.valueOf(smtp.port()));
        props.put(p + "connectiontimeout", "15000");
        props.put(p + "timeout", "60000");
        props.put(p + "writetimeout", "60000");
        props.put(p + "auth", String.valueOf(!smtp.username().isEmpty()));
        if (smtp.tls()) {
            props.put(p + "ssl.enable", "true");
            props.put(p + "ssl.checkserveridentity", "true");
        } else {
            // STARTTLS layers TLS over this socket, so the setting carries over
            props.put(p + "socketFactory", new NoDelaySocketFactory());
            props.put(p + "socketFactory.fallback", "false");
        }
        if (!smtp.tls() && smtp.starttls()) {
            // required: never fall back to sending credentials and mail in the clear
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
            props.put(p + "ssl.checkserveridentity", "true");
        }
        return props;
    }

    @Override
    public String describe() {
        return protocol + "://" + smtp.host() + ":" + smtp.port() + (smtp.starttls() && !smtp.tls() ? " (STARTTLS)" : "");
    }

    @Override
    public synchronized void send(MimeMessage message, String label) throws DeliveryException {
        Address[] recipients;
        try {
            recipients = message.getAllRecipients();
        } catch (MessagingException e) {
            throw new PermanentDeliveryException(0, "the message has unreadable recipients: " + e.getMessage(), e);
        }
        if (recipients == null || recipients.length == 0)
            throw new PermanentDeliveryException(0, "the message has no recipient", null);

        for (int attempt = 1; ; attempt++) {
            try {
                connected().sendMessage(message, recipients);
                return;
            } catch (MessagingException e) {
                closeQuietly();
                if (e instanceof AuthenticationFailedException)
                    throw new DeliveryException("SMTP login to " + describe() + " failed: " + e.getMessage(), e);
                SmtpFailures.Reply reply = SmtpFailures.reply(e);
                if (reply != null && reply.permanent())
                    throw new PermanentDeliveryException(reply.code(), reply.text(), e);
                String why = reply != null ? reply.text() : String.valueOf(e.getMessage());
                if (attempt >= retry.attempts())
                    throw new DeliveryException("mail " + label + " not delivered after "
                            + attempt + " attempts: " + why, e);
                Duration wait = retry.backoff(attempt);
                log.warn("temporary failure sending the digest for {} (attempt {}/{}), retrying in {} ms: {}",
                        label, attempt, retry.attempts(), wait.toMillis(), why);
                sleep(wait);
            }
        }
    }

    private Transport connected() throws MessagingException {
        if (transport == null || !transport.isConnected()) {
            Transport t = session.getTransport(protocol);
            if (smtp.username().isEmpty()) t.connect();
            else t.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
            transport = t;
        }
        return transport;
    }

    private void closeQuietly() {
        if (transport == null) return;
        try {
            transport.close();
        } catch (MessagingException e) {
            log.debug("closing the SMTP connection: {}", e.getMessage());
        }
        transport = null;
    }

    /** Closes the kept connection; the next send opens a new one. */
    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private static void sleep(Duration d) throws DeliveryException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while waiting to retry", e);
        }
    }
}
