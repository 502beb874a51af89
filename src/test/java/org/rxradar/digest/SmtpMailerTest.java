package org.rxradar.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rxradar.digest.TestItems.job;
import static org.rxradar.digest.TestItems.subscriber;

import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rxradar.config.RxRadarConfig;

/** Temporary and permanent SMTP refusals, against a scripted real SMTP server. */
class SmtpMailerTest {
    private static final SmtpMailer.Retry FAST = new SmtpMailer.Retry(3, Duration.ofMillis(20), Duration.ofMillis(100));
    private ScriptedSmtpServer server;
    private Digest digest;
    private MimeMessage message;

    @BeforeEach
    void setUp() throws Exception {
        server = new ScriptedSmtpServer();
        DigestRenderer renderer = new DigestRenderer();
        digest = new DigestSelector("https://rxradar.example.org", 30, 15)
                .select(subscriber("bo").build(), List.of(job("Tech").settings("retail").build()), LocalDate.of(2026, 11, 24));
        message = new DigestMessageFactory("digest@rxradar.example.org", "https://rxradar.example.org", null,
                UnsubscribeTokens.withSecret("test-secret-0123456789"), renderer, Clock.systemUTC()).create(digest);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    private SmtpMailer mailer(int port) {
        return new SmtpMailer(new RxRadarConfig.Smtp("127.0.0.1", port, false, false, "", ""), FAST);
    }

    @Test
    void aTemporaryRefusalIsRetriedWithBackoffUntilItIsAccepted() throws Exception {
        server.onConnection(1, "RCPT", "451 4.3.0 mailbox busy, try later")
                .onConnection(2, "DATA", "421 4.3.2 service shutting down");
        long start = System.nanoTime();
        try (SmtpMailer mailer = mailer(server.port())) {
            mailer.send(message, Mailer.label(digest));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(20 + 40));
        assertThat(server.connections()).isEqualTo(3);
        assertThat(server.accepted()).hasSize(1);
        assertThat(server.accepted().get(0)).contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    }

    @Test
    void temporaryRefusalsBeyondTheLastAttemptAreATemporaryFailure() throws Exception {
        for (int n = 1; n <= 3; n++) server.onConnection(n, "MAIL", "452 4.3.1 insufficient storage");
        try (SmtpMailer mailer = mailer(server.port())) {
            assertThatThrownBy(() -> mailer.send(message, Mailer.label(digest)))
                    .isInstanceOf(DeliveryException.class)
                    .isNotInstanceOf(PermanentDeliveryException.class)
                    .hasMessageContaining("after 3 attempts")
                    .hasMessageContaining("452");
        }
        assertThat(server.accepted()).isEmpty();
    }

    @Test
    void aPermanentRefusalIsThrownAtOnceWithTheServersReply() throws Exception {
        server.onConnection(1, "RCPT", "550 5.1.1 <bo@example.org>: user unknown");
        try (SmtpMailer mailer = mailer(server.port())) {
            assertThatThrownBy(() -> mailer.send(message, Mailer.label(digest)))
                    .isInstanceOfSatisfying(PermanentDeliveryException.class, e -> {
                        assertThat(e.replyCode()).isEqualTo(550);
                        assertThat(e.serverReply()).contains("5.1.1", "user unknown");
                    });
        }
        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.accepted()).isEmpty();
    }

    @Test
    void aRefusedConnectionIsTemporary() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (SmtpMailer mailer = mailer(closedPort)) {
            assertThatThrownBy(() -> mailer.send(message, Mailer.label(digest)))
                    .isInstanceOf(DeliveryException.class)
                    .isNotInstanceOf(PermanentDeliveryException.class);
        }
    }

    @Test
    void theConnectionIsReusedBetweenDigests() throws Exception {
        try (SmtpMailer mailer = mailer(server.port())) {
            mailer.send(message, Mailer.label(digest));
            mailer.send(message, Mailer.label(digest));
        }
        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.accepted()).hasSize(2);
    }
}
