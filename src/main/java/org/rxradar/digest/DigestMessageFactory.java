package org.rxradar.digest;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.rxradar.config.ConfigException;
import org.rxradar.model.EmailAddresses;
import org.rxradar.config.RxRadarConfig;

/**
 * Turns a {@link Digest} into a ready-to-send message: multipart/alternative (text/plain, then
 * text/html, both UTF-8), with From, To, Date, a stable Message-ID, a Subject with date and counts,
 * and one-click unsubscribe headers (RFC 2369 {@code List-Unsubscribe} with an https URL and a
 * mailto, RFC 8058 {@code List-Unsubscribe-Post}).
 *
 * <p>The Message-ID depends only on subscriber, period and sender domain, so a digest tried again
 * (after a failure for now) carries the same id, the one its send intent recorded, and mail clients
 * can tell it is the same message.
 */
public final class DigestMessageFactory {
    private final InternetAddress from;
    private final String baseUrl;
    private final String unsubscribeMailbox;
    private final UnsubscribeTokens tokens;
    private final DigestRenderer renderer;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    /**
     * @param from               the sender, e.g. {@code RxRadar <digest@rxradar.example.org>}
     * @param baseUrl            public base of the unsubscribe link
     * @param unsubscribeMailbox address of the mailto unsubscribe; null: {@code unsubscribe@} the sender's domain
     */
    public DigestMessageFactory(String from, String baseUrl, String unsubscribeMailbox, UnsubscribeTokens tokens,
                                DigestRenderer renderer, Clock clock) {
        this.from = parseFrom(from);
        String b = Objects.requireNonNull(baseUrl, "baseUrl").trim();
        this.baseUrl = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.unsubscribeMailbox = unsubscribeMailbox != null ? unsubscribeMailbox : "unsubscribe@" + domain(this.from);
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static DigestMessageFactory fromConfig(RxRadarConfig config, UnsubscribeTokens tokens, DigestRenderer renderer, Clock clock) {
        return new DigestMessageFactory(config.mail().from(), config.http().publicBaseUrl(), null, tokens, renderer, clock);
    }

    private static InternetAddress parseFrom(String from) {
        try {
            InternetAddress a = new InternetAddress(Objects.requireNonNull(from, "from"), true);
            if (!a.getAddress().contains("@")) throw new ConfigException("mail.from", "'" + from + "' has no domain");
            return a;
        } catch (AddressException e) {
            throw new ConfigException("mail.from", "'" + from + "' is not an email address: " + e.getMessage());
        }
    }

    private static String domain(InternetAddress a) {
        return a.getAddress().substring(a.getAddress().indexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /** The one-click unsubscribe URL of a subscriber: {@code {baseUrl}/unsubscribe?token=…}. */
    public String unsubscribeUrl(String subscriberId) {
        return baseUrl + "/unsubscribe?token=" + URLEncoder.encode(tokens.tokenFor(subscriberId), StandardCharsets.UTF_8);
    }

    /** The signed link to a subscriber's preferences page: {@code {baseUrl}/preferences?token=…}. */
    public String preferencesUrl(String subscriberId) {
        return baseUrl + "/preferences?token=" + URLEncoder.encode(tokens.preferencesTokenFor(subscriberId), StandardCharsets.UTF_8);
    }

    /** Renders the digest and wraps it in a message. */
    public MimeMessage create(Digest digest) throws MessagingException {
        String url = unsubscribeUrl(digest.subscriberId());
        return create(digest, renderer.render(digest, url, preferencesUrl(digest.subscriberId()), java.util.Optional.empty()));
    }

    /** Wraps an already rendered digest in a message. */
    public MimeMessage create(Digest digest, RenderedDigest rendered) throws MessagingException {
        String email = digest.subscriber().email();
        String problem = EmailAddresses.problem(email);
        if (problem != null) throw new IllegalArgumentException("subscriber " + digest.subscriberId() + " email: " + problem);

        String token = tokens.tokenFor(digest.subscriberId());
        String messageId = "<rxradar." + digest.period() + "." + SubscriberIds.safe(digest.subscriberId()) + "@" + domain(from) + ">";
        MimeMessage msg = new FixedIdMessage(session, messageId);
        msg.setFrom(from);
        msg.setRecipient(MimeMessage.RecipientType.TO, recipient(email.trim(), digest.subscriber().name()));
        msg.setSentDate(Date.from(clock.instant()));
        msg.setSubject(rendered.subject(), "UTF-8");
        msg.setHeader("List-Unsubscribe", "<" + unsubscribeUrl(digest.subscriberId()) + ">, <mailto:" + unsubscribeMailbox
                + "?subject=unsubscribe%20" + URLEncoder.encode(token, StandardCharsets.UTF_8) + ">");
        msg.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // a digest is bulk mail: no auto-replies (RFC 3834)
        msg.setHeader("Auto-Submitted", "auto-generated");
        msg.setHeader("X-Auto-Response-Suppress", "All");

        MimeBodyPart text = new MimeBodyPart();
        text.setText(rendered.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(rendered.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text); // least preferred first (RFC 2046)
        alternative.addBodyPart(html);
        msg.setContent(alternative);
        msg.saveChanges();
        return msg;
    }

    private static InternetAddress recipient(String email, String name) throws AddressException {
        if (name == null || name.isBlank()) return new InternetAddress(email, true);
        try {
            // the display name is encoded, never parsed: a name cannot smuggle in another address
            String clean = name.replaceAll("[\\p{Cc}]", " ").trim();
            return new InternetAddress(email, clean.length() > 80 ? clean.substring(0, 80) : clean, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps our Message-ID through {@code saveChanges()}, which would otherwise make up a random one. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
