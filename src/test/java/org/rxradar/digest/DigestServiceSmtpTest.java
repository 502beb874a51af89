package org.rxradar.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxradar.digest.TestItems.job;
import static org.rxradar.digest.TestItems.news;
import static org.rxradar.digest.TestItems.subscriber;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.TaggedItem;

/** The whole path through a real SMTP server (GreenMail on a free loopback port). */
class DigestServiceSmtpTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T13:00:00Z"), ZoneOffset.UTC);
    private final UnsubscribeTokens tokens = UnsubscribeTokens.withSecret("test-secret-0123456789");
    private SmtpMailer mailer;
    private DigestService service;

    private final List<TaggedItem> candidates = List.of(
            job("IV Room Technician").settings("hospital").employer("Valley Medical Center").in("Fresno", "CA")
                    .hourly(18.5, 22).cert("PTCB-CPhT", true).shift("NIGHT").build(),
            job("Retail Pharmacy Technician").settings("retail").employer("Acme Drug").in("Austin", "TX").build(),
            job("Pharmacist").settings("hospital").in("Fresno", "CA").irrelevant().build(),
            news("USP 797 revisions take effect").topics("compounding").summary("What changes for cleanrooms.").build());

    @BeforeEach
    void start() {
        RxRadarConfig.Smtp smtp = new RxRadarConfig.Smtp("127.0.0.1", greenMail.getSmtp().getPort(), false, false, "", "");
        mailer = new SmtpMailer(smtp, new SmtpMailer.Retry(2, Duration.ofMillis(10), Duration.ofMillis(50)));
        service = service(false);
    }

    private DigestService service(boolean sendEmpty) {
        DigestRenderer renderer = new DigestRenderer();
        return new DigestService(new DigestSelector("https://rxradar.example.org", 30, 15), renderer,
                new DigestMessageFactory("RxRadar <digest@rxradar.example.org>", "https://rxradar.example.org", null,
                        tokens, renderer, CLOCK),
                mailer, sendEmpty, CLOCK);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void deliversAMultipartDigestWithUnsubscribeHeaders() throws Exception {
        var sub = subscriber("ana").email("ana@example.org").name("Ana Díaz").settings("hospital").states("CA")
                .topics("compounding").build();

        DeliveryResult result = service.deliver(sub, candidates, TUESDAY);

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.SENT);
        assertThat(result.leadCount()).isEqualTo(1);
        assertThat(result.newsCount()).isEqualTo(1);
        assertThat(result.itemIds()).containsExactlyInAnyOrder(candidates.get(0).id(), candidates.get(3).id());
        assertThat(result.messageId()).isEqualTo("<rxradar.2026-11-24.ana@rxradar.example.org>");

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("RxRadar \u2014 Tue 24 Nov: 1 lead, 1 news");
        assertThat(m.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("digest@rxradar.example.org");
        InternetAddress to = (InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertThat(to.getAddress()).isEqualTo("ana@example.org");
        assertThat(to.getPersonal()).isEqualTo("Ana Díaz");
        assertThat(m.getSentDate().toInstant()).isEqualTo(CLOCK.instant());
        assertThat(m.getMessageID()).isEqualTo(result.messageId());

        String listUnsubscribe = m.getHeader("List-Unsubscribe", null);
        String token = tokens.tokenFor("ana");
        assertThat(listUnsubscribe).isEqualTo("<https://rxradar.example.org/unsubscribe?token=" + token + ">, "
                + "<mailto:unsubscribe@rxradar.example.org?subject=unsubscribe%20" + token + ">");
        assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(tokens.verify(token)).contains("ana");

        assertThat(m.isMimeType("multipart/alternative")).isTrue();
        Multipart parts = (Multipart) m.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(0).getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains("IV Room Technician", "Valley Medical Center", "Fresno, CA", "$18.50\u2013$22.00/hr",
                "Required: PTCB CPhT", "Shift: Night", "USP 797 revisions take effect", "What changes for cleanrooms.",
                "Why you got this: Hospital \u00b7 CA", "https://rxradar.example.org/unsubscribe?token=" + token);
        assertThat(text).doesNotContain("Retail Pharmacy Technician", "Pharmacist\n");
        assertThat(html).contains("IV Room Technician", "USP 797 revisions take effect");
    }

    @Test
    void anEmptyDigestIsNotSentUnlessConfigured() throws Exception {
        var sub = subscriber("nuke").settings("nuclear").kinds("jobs").build();
        assertThat(service.deliver(sub, candidates, TUESDAY).status()).isEqualTo(DeliveryResult.Status.SKIPPED_EMPTY);
        assertThat(greenMail.getReceivedMessages()).isEmpty();

        DeliveryResult sent = service(true).deliver(sub, candidates, TUESDAY);
        assertThat(sent.status()).isEqualTo(DeliveryResult.Status.SENT);
        assertThat(sent.itemIds()).isEmpty();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("RxRadar \u2014 Tue 24 Nov: 0 leads");
    }

    @Test
    void pendingAndUnsubscribedSubscribersGetNothing() throws Exception {
        for (String status : List.of("pending", "unsubscribed")) {
            var sub = subscriber("p-" + status).status(status).build();
            assertThat(service.deliver(sub, candidates, TUESDAY).status()).isEqualTo(DeliveryResult.Status.SKIPPED_INACTIVE);
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void hostileTextArrivesEscapedInTheHtmlPart() throws Exception {
        var hostile = List.of(job("<script>alert(1)</script>Tech").employer("<img src=http://evil.example/x.gif>")
                .settings("retail").build());
        service.deliver(subscriber("h").build(), hostile, TUESDAY);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        greenMail.getReceivedMessages()[0].writeTo(raw);
        Multipart parts = (Multipart) greenMail.getReceivedMessages()[0].getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(html).doesNotContain("<script").doesNotContain("<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;Tech", "&lt;img src=http://evil.example/x.gif&gt;");
        // the plain-text part shows the text as it is: it is never interpreted as markup
        assertThat((String) parts.getBodyPart(0).getContent()).containsPattern("\\* <script>alert\\(1\\)</script>Tech\\r?\\n");
        assertThat(raw.toString(StandardCharsets.UTF_8)).contains("Content-Type: text/plain; charset=UTF-8");
    }

    @Test
    void anInvalidAddressCannotBecomeASubscriberSoNothingIsSent() {
        // the type refuses it where it enters (file, form, command line, Kafka record)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> subscriber("bad").email("bad@example.org\r\nBcc: victim@example.org").build())
                .isInstanceOf(org.rxradar.model.InvalidValueException.class).hasMessageContaining("email: contains control characters");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void manySubscribersShareOneConnection() throws Exception {
        for (int i = 0; i < 5; i++) service.deliver(subscriber("s" + i).build(), candidates, TUESDAY);
        assertThat(greenMail.getReceivedMessages()).hasSize(5);
        assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates();
    }

    @Test
    void aSubscriberNoDigestCanBeBuiltForCannotExistAndOthersAreServed() throws Exception {
        // a subscriber with values no digest can be built for cannot exist: the type refuses it
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> subscriber("broken").kinds("robots").build())
                .isInstanceOf(org.rxradar.model.InvalidValueException.class).hasMessageContaining("kinds: 'robots'");
        assertThat(service.deliver(subscriber("fine").build(), candidates, TUESDAY).sent()).isTrue();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void theIntentIsToldTheMessageIdAndItemsBeforeTheMailLeavesAndAFailingIntentSendsNothing() throws Exception {
        List<String> told = new java.util.ArrayList<>();
        DeliveryResult r = service.deliver(subscriber("ana").build(), candidates, TUESDAY, (messageId, itemIds, leads, news) -> {
            assertThat(greenMail.getReceivedMessages()).as("nothing sent yet").isEmpty();
            told.add(messageId + " " + itemIds.size() + " " + leads + " " + news);
        });
        assertThat(told).containsExactly(r.messageId() + " " + r.itemIds().size() + " " + r.leadCount() + " " + r.newsCount());
        assertThat(greenMail.getReceivedMessages()).hasSize(1);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.deliver(subscriber("bo").build(), candidates, TUESDAY,
                (messageId, itemIds, leads, news) -> {
                    throw new IllegalStateException("cannot record the intent");
                })).hasMessageContaining("cannot record the intent");
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }
}
