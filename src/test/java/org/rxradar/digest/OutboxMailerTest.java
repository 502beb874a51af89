package org.rxradar.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rxradar.digest.TestItems.job;
import static org.rxradar.digest.TestItems.subscriber;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.config.RxRadarConfig;

class OutboxMailerTest {
    @TempDir
    Path dir;

    private final DigestRenderer renderer = new DigestRenderer();
    private final DigestMessageFactory factory = new DigestMessageFactory("RxRadar <digest@localhost>", "https://rxradar.example.org",
            null, UnsubscribeTokens.fromConfig("", false), renderer, Clock.systemUTC());

    private Digest digest(String subscriberId) {
        return new DigestSelector("https://rxradar.example.org", 30, 15).select(subscriber(subscriberId).email("someone@example.org").build(),
                List.of(job("Compounding Technician <503B>").settings("compounding").build()), LocalDate.of(2026, 11, 24));
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("outbox"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAnEmlAndAnHtmlCopyNamedByDateAndSubscriber() throws Exception {
        OutboxMailer mailer = new OutboxMailer(dir.resolve("outbox"));
        Digest d = digest("cy/../../etc");
        mailer.send(factory.create(d), Mailer.label(d));

        String base = "2026-11-24-cy_.._.._etc";
        assertThat(names()).containsExactly(base + ".eml", base + ".html");
        MimeMessage back;
        try (InputStream in = Files.newInputStream(dir.resolve("outbox").resolve(base + ".eml"))) {
            back = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(back.isMimeType("multipart/alternative")).isTrue();
        assertThat(back.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String html = Files.readString(dir.resolve("outbox").resolve(base + ".html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Compounding Technician &lt;503B&gt;");
    }

    @Test
    void anExistingDigestIsNeverOverwritten() throws Exception {
        OutboxMailer mailer = new OutboxMailer(dir.resolve("outbox"));
        Digest d = digest("dee");
        Files.createDirectories(dir.resolve("outbox"));
        Files.writeString(dir.resolve("outbox").resolve("2026-11-24-dee.eml"), "earlier digest");

        mailer.send(factory.create(d), Mailer.label(d));
        mailer.send(factory.create(d), Mailer.label(d));

        assertThat(Files.readString(dir.resolve("outbox").resolve("2026-11-24-dee.eml"))).isEqualTo("earlier digest");
        assertThat(names()).containsExactly("2026-11-24-dee-2.eml", "2026-11-24-dee-2.html",
                "2026-11-24-dee-3.eml", "2026-11-24-dee-3.html", "2026-11-24-dee.eml");
    }

    @Test
    void anUnwritableOutboxIsADeliveryFailure() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        OutboxMailer mailer = new OutboxMailer(file);
        Digest d = digest("eve");
        assertThatThrownBy(() -> mailer.send(factory.create(d), Mailer.label(d)))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("eve");
    }

    @Test
    void mailersFollowTheConfig() {
        RxRadarConfig.Mail noSmtp = RxRadarConfig.defaults().mail().withOutbox(dir.toString());
        assertThat(Mailers.fromConfig(noSmtp)).isInstanceOf(OutboxMailer.class);
        RxRadarConfig.Mail smtp = noSmtp.withSmtp(new RxRadarConfig.Smtp("mail.example.org", 465, false, true, "u", "p"));
        Mailer m = Mailers.fromConfig(smtp);
        assertThat(m).isInstanceOf(SmtpMailer.class);
        assertThat(m.describe()).isEqualTo("smtps://mail.example.org:465");
    }
}
