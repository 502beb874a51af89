package org.rxradar.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rxradar.digest.TestItems.job;
import static org.rxradar.digest.TestItems.news;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.view.FeedView;
import org.rxradar.model.Subscriber;
import org.rxradar.model.DigestRecord;
import org.rxradar.model.TaggedItem;
import org.rxradar.trend.TrendStore;

/**
 * The deliver stage on a real embedded Kafka broker (subscriptions and the digest log are real
 * topics) and a real SMTP server (GreenMail), driven through send times by a hand-moved clock.
 */
class DeliverStageIT {
    @TempDir
    static Path dir;
    static Bus bus;
    static SubscriptionLog subscriptions;

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private final MutableClock clock = new MutableClock("2026-11-24T12:00:00Z");
    private final FeedView items = new FeedView(Duration.ofDays(14), FeedView.DEFAULT_MAX_ITEMS, clock);
    private final TrendStore trends = new TrendStore();
    private DigestLog digests;
    private DigestService service;

    @BeforeAll
    static void startBroker() {
        bus = Bus.open(new RxRadarConfig.Kafka("", 1, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()), "it", null));
        subscriptions = new SubscriptionLog(bus.clients());
    }

    @AfterAll
    static void stopBroker() {
        if (subscriptions != null) subscriptions.close();
        if (bus != null) bus.close();
    }

    @BeforeEach
    void cleanSlate() {
        // the topics outlive each test: start every test with no subscribers
        for (Subscriber s : subscriptions.all()) subscriptions.remove(s.id());
        subscriptions.awaitCaughtUp();
        digests = new DigestLog(bus.clients());
        service = service(greenMail.getSmtp().getPort());
    }

    @AfterEach
    void close() {
        service.close();
        digests.close();
    }

    private DigestService service(int smtpPort) {
        return service(smtpPort, 1);
    }

    private DigestService service(int smtpPort, int connections) {
        DigestRenderer renderer = new DigestRenderer();
        Mailer mailer = new MailerPool(connections, () -> new SmtpMailer(new RxRadarConfig.Smtp("127.0.0.1", smtpPort, false, false, "", ""),
                new SmtpMailer.Retry(2, Duration.ofMillis(10), Duration.ofMillis(20))));
        return new DigestService(new DigestSelector("https://rxradar.example.org", 30, 15), renderer,
                new DigestMessageFactory("RxRadar <digest@rxradar.example.org>", "https://rxradar.example.org", null,
                        UnsubscribeTokens.withSecret("test-secret-0123456789"), renderer, clock),
                mailer, false, clock, WeeklyTrends.from(trends, clock));
    }

    private DeliverStage stage(DeliverStage.Sender sender) {
        return new DeliverStage(subscriptions, digests, items, sender, clock);
    }

    private DeliverStage stage() {
        return stage(service);
    }

    private static Subscriber subscriber(String id, String timezone, String sendAt, String frequency) {
        return Subscriber.of(id, id + "@example.org", null, List.of(), List.of(), List.of(), List.of(), false, List.of(),
                timezone, sendAt, frequency, "confirmed");
    }

    private void subscribe(Subscriber... subs) {
        for (Subscriber s : subs) subscriptions.put(s);
        subscriptions.awaitCaughtUp();
    }

    private TaggedItem add(TaggedItem item) {
        items.put(item);
        return item;
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return ((InternetAddress) m.getAllRecipients()[0]).getAddress().equals(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void eachSubscriberGetsTheirDigestAtTheirSendTimeInTheirTimeZone() throws Exception {
        add(job("IV Technician").settings("hospital").in("Fresno", "CA").build());
        subscribe(subscriber("chicago", "America/Chicago", "07:00", "daily"), subscriber("tokyo", "Asia/Tokyo", "07:00", "daily"));
        DeliverStage stage = stage();

        clock.set("2026-11-24T12:59:00Z"); // Chicago 06:59 Tue; Tokyo 21:59 Tue, its send time long past
        assertThat(stage.runDue()).isEqualTo(1);
        assertThat(to("chicago@example.org")).isEmpty();
        assertThat(to("tokyo@example.org")).singleElement().satisfies(m -> assertThat(m.getSubject()).contains("Tue 24 Nov"));

        clock.set("2026-11-24T13:00:00Z"); // Chicago 07:00
        assertThat(stage.runDue()).isEqualTo(1);
        clock.set("2026-11-24T13:00:30Z");
        assertThat(stage.runDue()).isZero();
        assertThat(to("chicago@example.org")).singleElement().satisfies(m -> assertThat(m.getSubject()).contains("Tue 24 Nov"));

        add(job("Sterile Compounding Technician").settings("hospital").in("Austin", "TX").url("https://jobs.example.org/sct").build());
        clock.set("2026-11-24T21:59:00Z"); // Tokyo 06:59 Wed
        assertThat(stage.runDue()).isZero();
        clock.set("2026-11-24T22:00:00Z"); // Tokyo 07:00 Wed; Chicago 16:00 Tue, done
        assertThat(stage.runDue()).isEqualTo(1);
        assertThat(to("tokyo@example.org")).hasSize(2).last().satisfies(m -> {
            assertThat(m.getSubject()).contains("Wed 25 Nov");
            assertThat(GreenMailUtil.getBody(m)).contains("Sterile Compounding Technician").doesNotContain("IV Technician");
        });
        assertThat(to("chicago@example.org")).hasSize(1);
    }

    @Test
    void aWeeklySubscriberGetsOneDigestOnTheirDayWithTheWeeksTrends() throws Exception {
        for (int d = 1; d <= 12; d++) {
            trends.add(job("Hospital Technician " + d).settings("hospital").url("https://jobs.example.org/h" + d)
                    .published(TestItems.NOON.minus(Duration.ofDays(d))).build());
        }
        add(job("Hospital Technician").settings("hospital").url("https://jobs.example.org/weekly").build());
        subscribe(subscriber("friday", "UTC", "07:00", "weekly:friday"));
        DeliverStage stage = stage();

        for (String day : List.of("2026-11-24", "2026-11-25", "2026-11-26")) {
            clock.set(day + "T08:00:00Z");
            assertThat(stage.runDue()).as(day).isZero();
        }
        clock.set("2026-11-27T06:59:00Z");
        assertThat(stage.runDue()).isZero();
        clock.set("2026-11-27T07:00:00Z");
        assertThat(stage.runDue()).isEqualTo(1);
        clock.set("2026-11-27T18:00:00Z");
        assertThat(stage.runDue()).isZero();

        MimeMessage m = to("friday@example.org").get(0);
        assertThat(m.getSubject()).contains("Fri 27 Nov");
        String body = GreenMailUtil.getBody(m);
        assertThat(body).contains("TRENDS THIS WEEK").contains("Trends this week");
    }

    @Test
    void noItemIsInTwoDigestsAcrossTwoDays() throws Exception {
        TaggedItem a = add(job("Retail Technician A").settings("retail").url("https://jobs.example.org/a").build());
        TaggedItem b = add(news("Board changes technician ratio").topics("regulation").url("https://news.example.org/b").build());
        subscribe(subscriber("daily", "UTC", "07:00", "daily"));
        DeliverStage stage = stage();

        clock.set("2026-11-24T07:05:00Z");
        assertThat(stage.runDue()).isEqualTo(1);
        TaggedItem c = add(job("Retail Technician C").settings("retail").url("https://jobs.example.org/c").build());
        clock.set("2026-11-25T07:05:00Z");
        assertThat(stage.runDue()).isEqualTo(1);

        List<MimeMessage> got = to("daily@example.org");
        assertThat(got).hasSize(2);
        assertThat(GreenMailUtil.getBody(got.get(0))).contains("Retail Technician A", "Board changes technician ratio");
        assertThat(GreenMailUtil.getBody(got.get(1))).contains("Retail Technician C").doesNotContain("Retail Technician A", "Board changes");
        assertThat(digests.history("daily")).extracting(DigestRecord::period, DigestRecord::itemIds).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 25), List.of(c.id())),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 24), List.of(a.id(), b.id())));
        // day 3: nothing new, nothing sent, and a log that says so
        clock.set("2026-11-26T07:05:00Z");
        assertThat(stage.runDue()).isZero();
        assertThat(to("daily@example.org")).hasSize(2);
        assertThat(digests.history("daily").get(0).delivery()).isEqualTo("skipped");
    }

    @Test
    void aRestartInTheMiddleOfASendRunSendsTheRestAndNothingTwice() throws Exception {
        add(job("Pharmacy Technician").settings("retail").build());
        for (int i = 1; i <= 5; i++) subscribe(subscriber("r" + i, "UTC", "07:00", "daily"));
        clock.set("2026-11-24T07:00:00Z");
        DigestService real = service;
        AtomicInteger calls = new AtomicInteger();
        DeliverStage crashing = stage((s, candidates, period, beforeSend) -> {
            if (calls.incrementAndGet() > 2) throw new Error("simulated crash in the middle of the send run");
            return real.send(s, candidates, period, beforeSend);
        });
        assertThatThrownBy(crashing::runDue).isInstanceOf(Error.class);
        assertThat(greenMail.getReceivedMessages()).hasSize(2);

        // restart: a new digest log read back from the topic, a new stage
        digests.close();
        digests = new DigestLog(bus.clients());
        assertThat(stage().runDue()).isEqualTo(3);
        assertThat(stage().runDue()).isZero();
        for (int i = 1; i <= 5; i++) assertThat(to("r" + i + "@example.org")).as("r" + i).hasSize(1);
    }

    @Test
    void parallelDeliveryOverSeveralConnectionsSendsEachDigestOnce() throws Exception {
        add(job("Pharmacy Technician").settings("retail").build());
        for (int i = 1; i <= 7; i++) subscribe(subscriber("p" + i, "UTC", "07:00", "daily"));
        clock.set("2026-11-24T07:00:00Z");
        service.close();
        service = service(greenMail.getSmtp().getPort(), 3);
        DeliverStage parallel = new DeliverStage(subscriptions, digests, items, service, clock, 3);

        assertThat(parallel.runDue()).isEqualTo(7);
        assertThat(parallel.runDue()).isZero();
        for (int i = 1; i <= 7; i++) {
            assertThat(to("p" + i + "@example.org")).as("p" + i).hasSize(1);
            assertThat(digests.wasSent("p" + i, LocalDate.of(2026, 11, 24))).isTrue();
        }
    }

    @Test
    void aSendTimeMissedWhileDownIsCaughtUpOnceAtStart() throws Exception {
        add(job("Hospital Technician").settings("hospital").build());
        subscribe(subscriber("late", "America/New_York", "07:00", "daily"));
        clock.set("2026-11-24T19:30:00Z"); // 14:30 in New York: down since before 07:00

        assertThat(stage().runDue()).isEqualTo(1);
        assertThat(stage().runDue()).isZero();
        digests.close();
        digests = new DigestLog(bus.clients());
        assertThat(stage().runDue()).isZero();
        assertThat(to("late@example.org")).singleElement().satisfies(m -> assertThat(m.getSubject()).contains("Tue 24 Nov"));
        assertThat(digests.history("late")).singleElement().satisfies(r -> assertThat(r.period()).isEqualTo(LocalDate.of(2026, 11, 24)));
    }

    @Test
    void aPermanentRefusalIsRecordedAsFailedAndNotRetried() throws Exception {
        add(job("Hospital Technician").settings("hospital").build());
        subscribe(subscriber("gone", "UTC", "07:00", "daily"));
        clock.set("2026-11-24T08:00:00Z");
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
            server.onConnection(1, "RCPT", "550 5.1.1 <gone@example.org>: user unknown");
            try (DigestService refused = service(server.port())) {
                DeliverStage stage = stage(refused);
                assertThat(stage.runDue()).isZero();
                assertThat(stage.runDue()).isZero();
                clock.set("2026-11-24T20:00:00Z");
                assertThat(stage.runDue()).isZero();
            }
            assertThat(server.commands().stream().filter(c -> c.contains("RCPT"))).hasSize(1);
            assertThat(server.accepted()).isEmpty();
        }
        assertThat(digests.history("gone")).singleElement().satisfies(r -> {
            assertThat(r.delivery()).isEqualTo("failed");
            assertThat(r.error()).contains("550", "user unknown");
        });
        // and after a restart, still not retried for that day
        digests.close();
        digests = new DigestLog(bus.clients());
        assertThat(digests.wasSent("gone", LocalDate.of(2026, 11, 24))).isTrue();
    }

    @Test
    void theDigestArrivesAsMultipartAlternativeWithUnsubscribeHeaders() throws Exception {
        add(job("IV Room Technician <script>alert(1)</script>").settings("hospital").employer("Valley Medical Center")
                .in("Fresno", "CA").hourly(18.5, 22).cert("PTCB-CPhT", true).shift("NIGHT").build());
        add(news("USP 797 revisions take effect").topics("compounding").summary("What changes for cleanrooms.").build());
        Subscriber ana = Subscriber.of("ana", "ana@example.org", "Ana Díaz", List.of("hospital"), List.of("compounding"), List.of(),
                List.of("CA"), false, List.of(), "America/Los_Angeles", "06:30", "daily", "confirmed");
        subscribe(ana);
        clock.set("2026-11-24T14:30:00Z"); // 06:30 in Los Angeles
        assertThat(stage().runDue()).isEqualTo(1);

        MimeMessage m = to("ana@example.org").get(0);
        assertThat(m.getSubject()).isEqualTo("RxRadar \u2014 Tue 24 Nov: 1 lead, 1 news");
        assertThat(m.getFrom()[0].toString()).contains("digest@rxradar.example.org");
        assertThat(m.getHeader("Date")).isNotNull();
        assertThat(m.getMessageID()).isEqualTo("<rxradar.2026-11-24.ana@rxradar.example.org>");
        assertThat(m.getHeader("List-Unsubscribe")[0]).contains("<https://rxradar.example.org/unsubscribe?token=", "<mailto:");
        assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) m.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(html).contains("IV Room Technician &lt;script&gt;").doesNotContain("<script>").doesNotContain("<img");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Valley Medical Center", "USP 797 revisions take effect");
        // a Tuesday digest of a daily subscriber carries no trends section
        assertThat(html).doesNotContain("Trends this week");
    }

    @Test
    void oneSubscriberFailingDoesNotStopTheOthersInAParallelRun() throws Exception {
        add(job("Pharmacy Technician").settings("retail").build());
        for (String id : List.of("iso-a", "iso-b", "iso-gone", "iso-later", "iso-c", "iso-d"))
            subscribe(subscriber(id, "UTC", "07:00", "daily"));
        clock.set("2026-11-24T07:00:00Z");
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()
                .refuseRecipient("iso-gone@example.org", "550 5.1.1 <iso-gone@example.org>: user unknown")
                .refuseRecipient("iso-later@example.org", "451 4.3.0 mailbox busy, try later");
             DigestService smtp = service(server.port(), 2)) {
            DeliverStage stage = new DeliverStage(subscriptions, digests, items, smtp, clock, 2);

            assertThat(stage.runDue()).isEqualTo(4);
            assertThat(recipients(server))
                    .containsExactlyInAnyOrder("iso-a@example.org", "iso-b@example.org", "iso-c@example.org", "iso-d@example.org");
            assertThat(digests.history("iso-gone")).singleElement().satisfies(r -> assertThat(r.delivery()).isEqualTo("failed"));
            // a failure for now: its send intent was withdrawn, so the next check tries again
            assertThat(digests.wasSent("iso-later", LocalDate.of(2026, 11, 24))).isFalse();

            server.acceptRecipient("iso-later@example.org");
            clock.set("2026-11-24T07:00:30Z");
            assertThat(stage.runDue()).isEqualTo(1);
            assertThat(recipients(server)).hasSize(5).contains("iso-later@example.org");
            assertThat(server.commands().stream().filter(c -> c.contains("RCPT") && c.contains("iso-gone@"))).hasSize(1);
        }
    }

    @Test
    void aSendInterruptedByACrashIsReportedNotSentAgainAndItsItemsComeNextTime() throws Exception {
        TaggedItem a = add(job("Retail Technician A").settings("retail").url("https://jobs.example.org/ia").build());
        subscribe(subscriber("doubt", "UTC", "07:00", "daily"), subscriber("fine", "UTC", "07:00", "daily"));
        LocalDate day = LocalDate.of(2026, 11, 24);
        // what a kill between handing the mail to the server and recording the result leaves behind
        digests.record(new DigestRecord(DigestRecord.VERSION, "doubt", day, clock.instant(), "<rxradar.2026-11-24.doubt@rxradar.example.org>",
                List.of(a.id()), 1, 0, DigestRecord.SENDING, null));
        digests.close();
        digests = new DigestLog(bus.clients()); // the restart
        assertThat(digests.interruptedAtStart()).extracting(DigestRecord::subscriber).containsExactly("doubt");

        clock.set("2026-11-24T07:05:00Z");
        assertThat(stage().runDue()).isEqualTo(1);
        assertThat(to("doubt@example.org")).isEmpty();
        assertThat(to("fine@example.org")).hasSize(1);
        assertThat(digests.history("doubt")).singleElement().satisfies(r -> {
            assertThat(r.delivery()).isEqualTo("unknown");
            assertThat(r.messageId()).isEqualTo("<rxradar.2026-11-24.doubt@rxradar.example.org>");
            assertThat(r.error()).contains("may not have arrived");
        });

        // the next day: the items of the digest in doubt are offered again
        clock.set("2026-11-25T07:05:00Z");
        assertThat(stage().runDue()).isEqualTo(1);
        assertThat(to("doubt@example.org")).singleElement().satisfies(m -> assertThat(GreenMailUtil.getBody(m)).contains("Retail Technician A"));
    }

    private static List<String> recipients(ScriptedSmtpServer server) {
        return server.accepted().stream()
                .map(m -> m.lines().filter(l -> l.startsWith("To: ")).findFirst().orElseThrow().substring(4).trim()).toList();
    }
}
