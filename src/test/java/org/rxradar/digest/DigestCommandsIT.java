package org.rxradar.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxradar.digest.TestItems.job;
import static org.rxradar.digest.TestItems.news;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.bus.Topics;
import org.rxradar.cli.DigestCommand;
import org.rxradar.cli.SubscribersCommand;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Subscriber;
import org.rxradar.model.DigestRecord;
import org.rxradar.model.Json;
import org.rxradar.model.TaggedItem;
import org.rxradar.trend.TrendSnapshot;
import org.rxradar.trend.TrendStore;
import picocli.CommandLine;

/**
 * {@code digest preview} and {@code subscribers show} against a real broker holding tagged items,
 * subscribers and a digest log: what is shown, and that a preview sends and records nothing.
 */
class DigestCommandsIT {
    @TempDir
    static Path dir;
    static Bus bus;
    static Path config;
    static TaggedItem alreadySent;
    static TaggedItem fresh;
    static TaggedItem news;

    @BeforeAll
    static void start() throws Exception {
        bus = Bus.open(new RxRadarConfig.Kafka("", 1, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()), "it", null));
        config = dir.resolve("rxradar.yml");
        Files.writeString(config, """
                kafka:
                  bootstrap-servers: "%s"
                subscribers:
                  - email: from-config@example.org
                    settings: [retail]
                """.formatted(bus.clients().bootstrapServers()));

        Instant hourAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        alreadySent = job("Hospital Technician, already sent").settings("hospital").in("Austin", "TX").published(hourAgo)
                .url("https://jobs.example.org/sent").build();
        fresh = job("IV Room Technician, new").settings("hospital").in("Dallas", "TX").hourly(20, 24).published(hourAgo)
                .url("https://jobs.example.org/new").build();
        news = news("Technician ratio rule adopted").topics("regulation").published(hourAgo).url("https://news.example.org/ratio").build();
        TaggedItem retail = job("Retail Technician").settings("retail").in("Reno", "NV").published(hourAgo)
                .url("https://jobs.example.org/retail").build();
        try (KafkaProducer<String, byte[]> producer = bus.clients().producer("test")) {
            for (TaggedItem i : List.of(alreadySent, fresh, news, retail)) {
                producer.send(new ProducerRecord<>(Topics.ITEMS_TAGGED, i.id(), Json.bytes(i))).get(30, TimeUnit.SECONDS);
            }
            producer.send(new ProducerRecord<>(Topics.ITEMS_TAGGED, "garbage", "{not json".getBytes())).get(30, TimeUnit.SECONDS);
            // the trend stage's snapshots: leads counted in the two weeks before Monday 5 January 2026
            TrendStore trends = new TrendStore();
            for (int d = 1; d <= 12; d++) {
                trends.add(job("Long-term care technician " + d).settings("long-term-care").url("https://jobs.example.org/ltc" + d)
                        .published(Instant.parse("2026-01-05T12:00:00Z").minus(Duration.ofDays(d))).build());
            }
            for (TrendSnapshot snap : trends.takeChanged()) {
                producer.send(new ProducerRecord<>(Topics.TRENDS, snap.key(), snap.toJson())).get(30, TimeUnit.SECONDS);
            }
        }
        try (SubscriptionLog subs = new SubscriptionLog(bus.clients()); DigestLog digests = new DigestLog(bus.clients())) {
            subs.put(Subscriber.of("ana", "ana@example.org", "Ana", List.of("hospital"), List.of("regulation"), List.of(),
                    List.of("TX"), false, List.of(), "America/Chicago", "07:00", "daily", "confirmed"));
            subs.put(Subscriber.of("bo", "bo@example.org", null, List.of(), List.of(), List.of(), List.of(), false, List.of(),
                    "UTC", "07:00", "daily", "confirmed"));
            subs.awaitCaughtUp();
            digests.record(new DigestRecord(DigestRecord.VERSION, "ana", LocalDate.of(2026, 1, 5), Instant.parse("2026-01-05T13:00:01Z"),
                    "<m1@rxradar>", List.of(alreadySent.id()), 1, 0, "smtp://127.0.0.1:25", null));
            digests.record(new DigestRecord(DigestRecord.VERSION, "bo", LocalDate.of(2026, 1, 5), Instant.parse("2026-01-05T07:00:02Z"),
                    null, List.of(), 0, 0, "failed", "550 5.1.1 <bo@example.org>: user unknown"));
            digests.record(new DigestRecord(DigestRecord.VERSION, "bo", LocalDate.of(2026, 1, 4), Instant.parse("2026-01-04T07:00:02Z"),
                    "<m0@rxradar>", List.of(), 2, 1, "smtp://127.0.0.1:25", null));
        }
    }

    @AfterAll
    static void stop() {
        if (bus != null) bus.close();
    }

    private record Run(int code, String out, String err) {}

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void previewShowsTheNextDigestWithoutItemsAlreadySentAndSendsNothing() throws Exception {
        Path html = dir.resolve("preview.html");
        Run r = run(new DigestCommand(), "preview", "ana@example.org", "--config", config.toString(), "--html", html.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("IV Room Technician, new", "Technician ratio rule adopted", "Unsubscribe:")
                .doesNotContain("already sent").doesNotContain("Retail Technician");
        assertThat(r.err()).contains("Preview for ana@example.org", "1 leads, 1 news", "Not sent, not recorded");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html").contains("IV Room Technician, new");
        try (DigestLog digests = new DigestLog(bus.clients())) {
            assertThat(digests.history("ana")).hasSize(1);
        }
    }

    @Test
    void previewOfAChosenDayAndOfASubscriberFromTheConfigFile() {
        Run r = run(new DigestCommand(), "preview", "from-config@example.org", "--date", "2026-01-05", "--config", config.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Monday 5 January 2026", "Retail Technician").doesNotContain("IV Room");
        // a daily subscriber's Monday digest carries the week's trends, read from the trend snapshots
        assertThat(r.out()).contains("TRENDS THIS WEEK").containsPattern("Long-term care\\s+\\d+ leads");
        Run tuesday = run(new DigestCommand(), "preview", "from-config@example.org", "--date", "2026-01-06", "--config", config.toString());
        assertThat(tuesday.out()).contains("Tuesday 6 January 2026").doesNotContain("TRENDS THIS WEEK");
    }

    @Test
    void anUnknownSubscriberIsAClearError() {
        Run r = run(new DigestCommand(), "preview", "nobody@example.org", "--config", config.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no subscriber nobody@example.org", "ana@example.org");

        Run bad = run(new DigestCommand(), "preview", "ana@example.org", "--date", "next tuesday", "--config", config.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--date");
    }

    @Test
    void subscribersShowListsTheDigestHistoryWithPermanentFailures() {
        Run r = run(new SubscribersCommand(), "show", "bo@example.org", "--config", config.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"email\":\"bo@example.org\"").contains("Digests: 2, 1 failed");
        String[] lines = r.out().lines().filter(l -> l.startsWith("  2026-")).toArray(String[]::new);
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("2026-01-05", "delivery: failed", "error: 550 5.1.1 <bo@example.org>: user unknown");
        assertThat(lines[1]).contains("2026-01-04", "delivery: smtp", "leads: 2", "news: 1");

        Run none = run(new SubscribersCommand(), "show", "nobody@example.org", "--config", config.toString());
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("No subscriber nobody@example.org");
    }
}
