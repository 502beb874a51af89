package org.rxradar.digest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.app.Pipeline;
import org.rxradar.bus.Bus;
import org.rxradar.bus.Topics;
import org.rxradar.config.ConfigLoader;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Subscriber;
import org.rxradar.fetch.TestServer;
import org.rxradar.model.Json;
import org.slf4j.LoggerFactory;

/**
 * One bad subscriber among good ones, end to end (the pipeline on a real broker, a real feed
 * server, a real SMTP server): a record written straight to {@code rxradar.subscriptions} with an
 * unknown time zone, one that is not JSON at all, and an address the mail server refuses for good.
 * Each is logged (the refusal also recorded) and skipped alone; every good subscriber gets their
 * digest, and a restart neither retries the refusal nor sends anything twice.
 */
class OneBadSubscriberIT {
    private static final List<String> GOOD = List.of("good1@example.org", "good2@example.org", "good3@example.org", "good4@example.org");
    private static final String REFUSED = "refused@example.org";

    @TempDir
    static Path dir;
    static Bus bus;

    @BeforeAll
    static void startBroker() {
        bus = Bus.open(new RxRadarConfig.Kafka("", 1, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()), "it", null));
    }

    @AfterAll
    static void stopBroker() {
        if (bus != null) bus.close();
    }

    @Test
    void badSubscribersAreLoggedAndSkippedAloneAndTheOthersGetTheirDigests() throws Exception {
        // written by a foreign writer: a subscriber this project's types would not let in
        Subscriber.Fields badZone = new Subscriber.Fields("s-badzone", "badzone@example.org", null, List.of(), List.of(), List.of(),
                List.of(), false, List.of(), "Mars/Olympus_Mons", "00:00", "daily", "confirmed", null, null, null, null, null, null);
        try (KafkaProducer<String, byte[]> producer = bus.clients().producer("test-writer")) {
            producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS, badZone.id(), Json.bytes(badZone))).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS, "s-garbage", "{not json".getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
        }
        Logger subscriptionsLog = (Logger) LoggerFactory.getLogger(SubscriptionLog.class);
        Logger deliverLog = (Logger) LoggerFactory.getLogger(DeliverStage.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        subscriptionsLog.addAppender(logged);
        deliverLog.addAppender(logged);

        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer().refuseRecipient(REFUSED, "550 5.1.1 <" + REFUSED + ">: user unknown");
             TestServer site = new TestServer().serve("/feed.xml", "application/rss+xml", feed())) {
            RxRadarConfig cfg = ConfigLoader.load(writeConfig(site, smtp.port()), Map.of());
            try (Pipeline pipeline = Pipeline.open(cfg)) {
                assertThat(pipeline.runOnce().digestsSent()).isEqualTo(GOOD.size());
            }
            for (String good : GOOD) assertThat(mailsTo(smtp, good)).as(good).isEqualTo(1);
            assertThat(mailsTo(smtp, REFUSED)).isZero();
            assertThat(mailsTo(smtp, "badzone@example.org")).isZero();

            // a restart: the refusal is not retried today, nothing is sent twice
            try (Pipeline pipeline = Pipeline.open(cfg)) {
                assertThat(pipeline.runOnce().digestsSent()).isZero();
            }
            assertThat(smtp.accepted()).hasSize(GOOD.size());
            assertThat(smtp.commands().stream().filter(c -> c.contains("RCPT") && c.contains(REFUSED))).hasSize(1);
        } finally {
            subscriptionsLog.detachAppender(logged);
            deliverLog.detachAppender(logged);
        }

        try (DigestLog digests = new DigestLog(bus.clients())) {
            assertThat(digests.history(Subscriber.idFor(REFUSED))).singleElement().satisfies(r -> {
                assertThat(r.delivery()).isEqualTo("failed");
                assertThat(r.error()).contains("550", "user unknown");
            });
            assertThat(digests.history(badZone.id())).isEmpty();
            for (String good : GOOD) assertThat(digests.history(Subscriber.idFor(good))).singleElement()
                    .satisfies(r -> assertThat(r.delivery()).startsWith("smtp"));
        }
        List<String> lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("s-badzone", "timezone", "Mars/Olympus_Mons"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("s-garbage"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(REFUSED, "failed for good", "550"));
    }

    private static long mailsTo(ScriptedSmtpServer smtp, String address) {
        return smtp.accepted().stream().filter(m -> m.contains("To: " + address)).count();
    }

    private static Path writeConfig(TestServer site, int smtpPort) throws Exception {
        StringBuilder yml = new StringBuilder("""
                kafka:
                  bootstrap-servers: "%s"
                http:
                  port: 0
                fetch:
                  state-dir: "%s"
                sources:
                  - id: tech-news
                    type: rss
                    kind: news
                    url: %s
                    interval: 30m
                mail:
                  from: "RxRadar <digest@rxradar.example.org>"
                  smtp: { host: 127.0.0.1, port: %d, starttls: false, tls: false }
                digest:
                  secret: "bad-subscriber-secret-0123456789"
                subscribers:
                """.formatted(bus.clients().bootstrapServers(), dir.resolve("fetch"), site.url("/feed.xml"), smtpPort));
        for (String email : concat(GOOD, REFUSED)) yml.append("  - email: ").append(email).append("\n    send-at: \"00:00\"\n");
        Path file = dir.resolve("rxradar.yml");
        Files.writeString(file, yml);
        return file;
    }

    private static List<String> concat(List<String> list, String one) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(one)).toList();
    }

    private static String feed() {
        String pubDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.of(LocalDate.now(ZoneOffset.UTC).atStartOfDay(), ZoneOffset.UTC));
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Tech news</title><link>https://news.example.org/</link>"
                + "<description>t</description><item><title>PTCB updates the CPhT certification exam for pharmacy technicians</title>"
                + "<link>https://news.example.org/bad/1</link><description>Pharmacy technicians in every setting.</description>"
                + "<pubDate>" + pubDate + "</pubDate></item></channel></rss>";
    }
}
