package org.rxradar.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.config.ConfigLoader;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.TestServer;

/**
 * {@code run} started after a subscriber's send time (embedded broker, a real feed server that
 * takes two seconds to answer, digests to the outbox): the day's digest is sent once the first
 * fetch pass is tagged, with the day's items, instead of the day being recorded as "nothing new
 * matched" before anything was fetched.
 */
class ColdStartIT {
    private static final List<String> TITLES = List.of(
            "PTCB updates the CPhT certification exam for pharmacy technicians",
            "State board raises the pharmacy technician ratio in hospital pharmacies");

    @TempDir
    Path dir;

    @Test
    void aStartAfterTheSendTimeSendsTheDaysDigestWithTheDaysItems() throws Exception {
        Path outbox = dir.resolve("outbox");
        try (TestServer site = new TestServer().on("/feed.xml", ex -> {
            try {
                Thread.sleep(2000); // a slow source: the first pass ends well after the start
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            TestServer.send(ex, 200, "application/rss+xml", feed().getBytes(StandardCharsets.UTF_8));
        })) {
            RxRadarConfig cfg = ConfigLoader.load(writeConfig(site, outbox), Map.of());
            try (Pipeline pipeline = Pipeline.open(cfg)) {
                Thread running = new Thread(() -> {
                    try {
                        pipeline.runForever();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "run-forever");
                running.start();

                long deadline = System.nanoTime() + 90_000_000_000L;
                while (emls(outbox).isEmpty() && System.nanoTime() < deadline) Thread.sleep(200);
                List<Path> sent = emls(outbox);
                assertThat(sent).as("the day's digest, sent after the first fetch pass").hasSize(1);
                MimeMessage mail;
                try (var in = Files.newInputStream(sent.get(0))) {
                    mail = new MimeMessage(Session.getInstance(new Properties()), in);
                }
                assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("early@example.org");
                String text = (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
                assertThat(text).contains(TITLES);
                pipeline.close();
                running.join(10_000);
            }
        }
    }

    private static List<Path> emls(Path outbox) throws Exception {
        if (!Files.isDirectory(outbox)) return List.of();
        try (Stream<Path> s = Files.list(outbox)) {
            return s.filter(p -> p.toString().endsWith(".eml")).toList();
        }
    }

    private Path writeConfig(TestServer site, Path outbox) throws Exception {
        Path file = dir.resolve("rxradar.yml");
        Files.writeString(file, """
                kafka:
                  partitions: 1
                  embedded: { port: 0, controller-port: 0, data-dir: "%s" }
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
                subscribers:
                  - email: early@example.org
                    timezone: UTC
                    send-at: "00:00"
                mail:
                  outbox: "%s"
                """.formatted(dir.resolve("kafka"), dir.resolve("fetch"), site.url("/feed.xml"), outbox));
        return file;
    }

    private static String feed() {
        String pubDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.of(LocalDate.now(ZoneOffset.UTC).atStartOfDay(), ZoneOffset.UTC));
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < TITLES.size(); i++) {
            items.append("<item><title>").append(TITLES.get(i)).append("</title><link>https://news.example.org/cold/").append(i)
                    .append("</link><description>").append(TITLES.get(i)).append(". Pharmacy technicians in every setting.</description>")
                    .append("<pubDate>").append(pubDate).append("</pubDate></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Tech news</title><link>https://news.example.org/</link>"
                + "<description>t</description>" + items + "</channel></rss>";
    }
}
