package org.rxradar.web;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import org.rxradar.model.Subscriber;

/**
 * The two messages the subscribe form can cause: "confirm your subscription" with the signed
 * link, and, for an address already confirmed, "you are already subscribed" with the unsubscribe
 * link. Both are short plain text plus HTML, and marked auto-generated.
 */
final class ConfirmationMail {
    private final InternetAddress from;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    ConfirmationMail(String from, Clock clock) {
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("mail.from: '" + from + "' is not an address: " + e.getMessage(), e);
        }
        this.clock = clock;
    }

    MimeMessage confirm(Subscriber s, String confirmUrl) throws MessagingException {
        String text = greeting(s) + "\n\nPlease confirm that you want the RxRadar digest at this address:\n\n" + confirmUrl
                + "\n\nThe link works for 48 hours. If you did not ask for this, ignore this message: nothing is sent"
                + " until the link is opened.\n";
        String html = "<p>" + Pages.escape(greeting(s)) + "</p><p>Please confirm that you want the RxRadar digest at this address:</p>"
                + "<p><a href=\"" + Pages.escape(confirmUrl) + "\">Confirm my subscription</a></p>"
                + "<p>The link works for 48 hours. If you did not ask for this, ignore this message: nothing is sent until the link is opened.</p>";
        return message(s, "Confirm your RxRadar subscription", text, html);
    }

    MimeMessage alreadySubscribed(Subscriber s, String unsubscribeUrl) throws MessagingException {
        String text = greeting(s) + "\n\nSomeone (perhaps you) asked to subscribe this address to RxRadar. It is already"
                + " subscribed, so nothing changed.\n\nTo stop the digest: " + unsubscribeUrl + "\n";
        String html = "<p>" + Pages.escape(greeting(s)) + "</p><p>Someone (perhaps you) asked to subscribe this address to RxRadar."
                + " It is already subscribed, so nothing changed.</p><p><a href=\"" + Pages.escape(unsubscribeUrl)
                + "\">Stop the digest</a></p>";
        return message(s, "You are already subscribed to RxRadar", text, html);
    }

    private static String greeting(Subscriber s) {
        return s.name() == null || s.name().isBlank() ? "Hello," : "Hello " + s.name() + ",";
    }

    private MimeMessage message(Subscriber s, String subject, String text, String html) throws MessagingException {
        MimeMessage msg = new MimeMessage(session);
        msg.setFrom(from);
        msg.setRecipient(MimeMessage.RecipientType.TO, recipient(s));
        msg.setSentDate(Date.from(clock.instant()));
        msg.setSubject(subject, "UTF-8");
        msg.setHeader("Auto-Submitted", "auto-generated");
        msg.setHeader("X-Auto-Response-Suppress", "All");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8", "plain");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText("<!DOCTYPE html><html><body>" + html + "</body></html>", "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(rich);
        msg.setContent(alternative);
        msg.saveChanges();
        return msg;
    }

    private static InternetAddress recipient(Subscriber s) throws AddressException {
        if (s.name() == null || s.name().isBlank()) return new InternetAddress(s.email(), true);
        try {
            // encoded, never parsed: a name cannot smuggle in another address
            return new InternetAddress(s.email(), s.name().replaceAll("\\p{Cc}", " ").trim(), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
