package org.rxradar.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retries, timeouts and Retry-After against real HTTP servers on loopback (short policy times). */
class TargetClientTest {
    /** Short waits; a try's time bound generous enough for a loaded machine's first request. */
    private static final NotifyPolicy FAST = new NotifyPolicy(List.of(Duration.ofMillis(10), Duration.ofMillis(20)),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(15));
    private static final Payloads.Request BODY = new Payloads.Request("{}".getBytes(StandardCharsets.UTF_8), "application/json",
            Map.of("X-Test", "1"));
    private final TargetClient client = new TargetClient(FAST);

    @Test
    void aServerErrorIsTriedAgainAndTheSecondTrySucceeds() throws Exception {
        try (Receiver r = Receiver.answering(500, 200)) {
            Delivery d = client.post(r.uri("/hook"), BODY);
            assertThat(d.ok()).isTrue();
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(r.requests).hasSize(2);
            assertThat(r.next().headers().getFirst("X-Test")).isEqualTo("1");
        }
    }

    @Test
    void aTargetThatAlwaysFailsIsTriedThreeTimesThenReportedWithItsAnswer() throws Exception {
        try (Receiver r = Receiver.answering(503)) {
            Delivery d = client.post(r.uri("/hook"), BODY);
            assertThat(d.ok()).isFalse();
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.status()).isEqualTo(503);
            assertThat(d.error()).isEqualTo("HTTP 503: answer 503");
            assertThat(r.requests).hasSize(3);
        }
    }

    @Test
    void aClientErrorOtherThan408Or429IsNotTriedAgain() throws Exception {
        try (Receiver r = Receiver.answering(404)) {
            Delivery d = client.post(r.uri("/gone"), BODY);
            assertThat(d.ok()).isFalse();
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.status()).isEqualTo(404);
        }
    }

    @Test
    void a429IsTriedAgainAfterItsRetryAfterWhenWithinTheCap() throws Exception {
        try (Receiver r = Receiver.answering(429, 200).retryAfter("0")) {
            Delivery d = client.post(r.uri("/hook"), BODY);
            assertThat(d.ok()).isTrue();
            assertThat(d.attempts()).isEqualTo(2);
        }
    }

    @Test
    void a429AskingForLongerThanTheCapEndsTheTries() throws Exception {
        try (Receiver r = Receiver.answering(429).retryAfter("3600")) {
            Delivery d = client.post(r.uri("/hook"), BODY);
            assertThat(d.ok()).isFalse();
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.error()).contains("Retry-After 3600 s is too long");
        }
    }

    @Test
    void aTargetThatNeverAnswersTimesOutOnEveryTry() throws Exception {
        try (Receiver r = Receiver.hanging()) {
            TargetClient impatient = new TargetClient(new NotifyPolicy(FAST.backoff(), FAST.connectTimeout(), Duration.ofMillis(300),
                    FAST.maxRetryAfter(), FAST.minInterval()));
            Delivery d = impatient.post(r.uri("/hook"), BODY);
            assertThat(d.ok()).isFalse();
            assertThat(d.status()).isZero();
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.error()).isEqualTo("no answer within 300 ms");
        }
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        try (Receiver r = Receiver.answering(302)) {
            Delivery d = client.post(r.uri("/hook"), BODY);
            assertThat(d.ok()).isFalse();
            assertThat(d.status()).isEqualTo(302);
            assertThat(r.requests).hasSize(1);
        }
    }
}
