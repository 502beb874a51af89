package org.rxradar.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxradar.notify.Leads.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.digest.DeliverStage;
import org.rxradar.digest.DigestLog;
import org.rxradar.digest.DigestMessageFactory;
import org.rxradar.digest.DigestRenderer;
import org.rxradar.digest.DigestSelector;
import org.rxradar.digest.DigestService;
import org.rxradar.digest.SmtpMailer;
import org.rxradar.digest.SubscriptionLog;
import org.rxradar.digest.UnsubscribeTokens;
import org.rxradar.view.FeedView;
import org.rxradar.model.Json;
import org.rxradar.model.NotifyTarget;
import org.rxradar.model.Subscriber;
import org.rxradar.model.TaggedItem;

/**
 * {@code notify-when: digest} end to end: the real broker (subscriptions, digest log, notify log), a
 * real SMTP server (GreenMail) and real HTTP receivers. The digest's leads reach a webhook that
 * verifies the signature and an ntfy-like receiver; a target that always fails and one that hangs
 * are recorded on their subscriber, whose email still goes out and whose other target is still served.
 */
class DigestAlertsIT {
    private static final String SECRET = "alerts-test-secret-0123456789";
    private static final String BASE = "https://rxradar.example.org";
    private static final NotifyPolicy FAST = new NotifyPolicy(List.of(Duration.ofMillis(10), Duration.ofMillis(20)),
            Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(15));

    @TempDir
    static Path dir;
    static Bus bus;

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @BeforeAll
    static void startBroker() {
        bus = Bus.open(new RxRadarConfig.Kafka("", 1, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()), "it", null));
    }

    @AfterAll
    static void stopBroker() {
        if (bus != null) bus.close();
    }

    private static Subscriber subscriber(String email, NotifyTarget... targets) {
        return Subscriber.builder(email).settings(List.of("hospital")).timezone("UTC").sendAt("07:00")
                .notifyTargets(List.of(targets)).notifyWhen("digest").build();
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void digestLeadsReachEveryTargetAndFailuresAreRecordedWithoutHoldingUpEmailOrOthers() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC);
        try (Receiver webhook = Receiver.answering(200); Receiver ntfy = Receiver.answering(200);
             Receiver broken = Receiver.answering(500); Receiver hanging = Receiver.hanging(); Receiver slack = Receiver.answering(200);
             SubscriptionLog subscriptions = new SubscriptionLog(bus.clients()); DigestLog digests = new DigestLog(bus.clients());
             NotifyLog results = new NotifyLog(bus.clients());
             Notifier notifier = new Notifier(SECRET, FAST, results, () -> BASE, clock)) {
            Subscriber ana = subscriber("ana@example.org", NotifyTarget.of(NotifyTarget.Kind.WEBHOOK, webhook.url("/hooks/rx")),
                    NotifyTarget.of(NotifyTarget.Kind.NTFY, ntfy.url("/rx-leads")));
            Subscriber ben = subscriber("ben@example.org", NotifyTarget.of(NotifyTarget.Kind.WEBHOOK, broken.url("/hook")),
                    NotifyTarget.of(NotifyTarget.Kind.DISCORD, hanging.url("/api/webhooks/1/x")),
                    NotifyTarget.of(NotifyTarget.Kind.SLACK, slack.url("/services/T/B/x")),
                    NotifyTarget.of(NotifyTarget.Kind.WEBHOOK, BASE + "/subscriptions"));
            subscriptions.put(ana);
            subscriptions.put(ben);
            subscriptions.awaitCaughtUp();

            FeedView items = new FeedView(Duration.ofDays(14), FeedView.DEFAULT_MAX_ITEMS, clock);
            TaggedItem first = lead("Inpatient Pharmacy Technician");
            TaggedItem second = lead("IV Room Technician", "Mercy", "Merced", "CA", "hospital", Instant.parse("2026-11-23T18:00:00Z"));
            items.put(first);
            items.put(second);

            DigestRenderer renderer = new DigestRenderer();
            try (DigestService service = new DigestService(new DigestSelector(BASE, 30, 15), renderer,
                    new DigestMessageFactory("RxRadar <digest@rxradar.example.org>", BASE, null, UnsubscribeTokens.withSecret(SECRET),
                            renderer, clock),
                    new SmtpMailer(new RxRadarConfig.Smtp("127.0.0.1", greenMail.getSmtp().getPort(), false, false, "", ""),
                            new SmtpMailer.Retry(2, Duration.ofMillis(10), Duration.ofMillis(20))), false, clock)) {
                DeliverStage stage = new DeliverStage(subscriptions, digests, items,
                        new DigestAlerts(service, notifier), clock);

                assertThat(stage.runDue()).isEqualTo(2);
                // both emails went out while the hanging target was still being tried
                MimeMessage[] mails = greenMail.getReceivedMessages();
                assertThat(Arrays.stream(mails).map(m -> {
                    try {
                        return m.getAllRecipients()[0].toString();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).containsExactlyInAnyOrder("ana@example.org", "ben@example.org");
            }

            // the webhook: signed over the exact body, the digest's leads as tagged items, no email address
            Receiver.Request hook = webhook.next();
            assertThat(hook.method()).isEqualTo("POST");
            assertThat(hook.headers().getFirst("X-RxRadar-Signature")).isEqualTo(hmac(hook.body()));
            JsonNode body = Json.tree(hook.body());
            assertThat(body.get("event").asText()).isEqualTo("digest");
            assertThat(body.get("subscriber").get("id").asText()).isEqualTo(ana.id());
            assertThat(hook.text()).doesNotContain("ana@example.org");
            assertThat(body.get("items")).extracting(i -> i.get("id").asText()).containsExactlyInAnyOrder(first.id(), second.id());

            // ntfy: text with the leads, title and click
            Receiver.Request push = ntfy.next();
            assertThat(push.path()).isEqualTo("/rx-leads");
            assertThat(push.headers().getFirst("Title")).isEqualTo("RxRadar digest: 2 job leads");
            assertThat(push.text()).contains("Inpatient Pharmacy Technician").contains("IV Room Technician").contains(first.url());

            // Ben's Slack target is served although his other targets fail or hang
            assertThat(Json.tree(slack.next().body()).get("text").asText()).contains("Inpatient Pharmacy Technician");

            // every target's result ends up on its subscriber
            Eventually.holds("4 results recorded for ben", () -> results.of(ben.id()).size() == 4);
            List<NotifyRecord> benResults = results.of(ben.id());
            NotifyRecord failed = benResults.stream().filter(r -> r.host().equals("127.0.0.1") && r.status() == 500).findFirst().orElseThrow();
            assertThat(failed.ok()).isFalse();
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(failed.error()).startsWith("HTTP 500");
            assertThat(broken.requests).hasSize(3);
            assertThat(benResults.stream().filter(r -> r.target().equals("discord")).findFirst().orElseThrow().error())
                    .isEqualTo("no answer within 2000 ms");
            assertThat(benResults.stream().filter(r -> r.target().equals("slack")).findFirst().orElseThrow().ok()).isTrue();
            NotifyRecord self = benResults.stream().filter(r -> r.host().equals("rxradar.example.org")).findFirst().orElseThrow();
            assertThat(self.ok()).isFalse();
            assertThat(self.error()).contains("points at this server");
            Eventually.holds("2 results recorded for ana", () -> results.of(ana.id()).size() == 2);
            assertThat(results.of(ana.id())).allMatch(NotifyRecord::ok);

            // read back from the topic by a fresh reader, as `subscribers show` does
            try (NotifyLog fresh = new NotifyLog(bus.clients())) {
                StringWriter out = new StringWriter();
                org.rxradar.cli.SubscribersCommandAccess.printAlerts(new PrintWriter(out, true), ben, fresh.of(ben.id()));
                assertThat(out.toString()).contains("Alerts (digest): 4 targets")
                        .containsPattern("webhook +127\\.0\\.0\\.1 +FAILED .*HTTP 500.*error: HTTP 500: answer 500")
                        .containsPattern("slack +127\\.0\\.0\\.1 +ok at ");
            }
        }
    }

    @Test
    void aSubscriberWhoTakesNewLeadsHearsNothingWithTheDigest() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);
        try (Receiver webhook = Receiver.answering(200);
             SubscriptionLog subscriptions = new SubscriptionLog(bus.clients()); DigestLog digests = new DigestLog(bus.clients());
             NotifyLog results = new NotifyLog(bus.clients());
             Notifier notifier = new Notifier(SECRET, FAST, results, () -> BASE, clock)) {
            for (Subscriber s : subscriptions.all()) subscriptions.remove(s.id());
            Subscriber cy = Subscriber.builder("cy@example.org").settings(List.of("hospital")).timezone("UTC")
                    .notifyTargets(List.of(NotifyTarget.of(NotifyTarget.Kind.WEBHOOK, webhook.url("/h")))).notifyWhen("new-leads").build();
            subscriptions.put(cy);
            subscriptions.awaitCaughtUp();
            FeedView items = new FeedView(Duration.ofDays(14), FeedView.DEFAULT_MAX_ITEMS, clock);
            items.put(lead("Pharmacy Technician", "Valley Health", "Fresno", "CA", "hospital", Instant.parse("2026-11-24T20:00:00Z")));
            DigestRenderer renderer = new DigestRenderer();
            try (DigestService service = new DigestService(new DigestSelector(BASE, 30, 15), renderer,
                    new DigestMessageFactory("RxRadar <digest@rxradar.example.org>", BASE, null, UnsubscribeTokens.withSecret(SECRET),
                            renderer, clock),
                    new SmtpMailer(new RxRadarConfig.Smtp("127.0.0.1", greenMail.getSmtp().getPort(), false, false, "", "")), false, clock)) {
                DeliverStage stage = new DeliverStage(subscriptions, digests, items, new DigestAlerts(service, notifier), clock);
                assertThat(stage.runDue()).isEqualTo(1);
            }
            assertThat(greenMail.getReceivedMessagesForDomain("example.org")).extracting(m -> m.getAllRecipients()[0].toString())
                    .contains("cy@example.org");
            notifier.close(); // waits for anything queued: nothing was
            assertThat(webhook.requests).isEmpty();
            assertThat(results.of(cy.id())).isEmpty();
        }
    }
}
