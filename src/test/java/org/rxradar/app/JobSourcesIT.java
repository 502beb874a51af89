package org.rxradar.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.config.ConfigLoader;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.demo.DemoSetup;
import org.rxradar.demo.SampleSite;
import org.rxradar.fetch.TestServer;

/**
 * The job sources end to end on the real embedded broker: one source of each type (Workday,
 * Greenhouse, Lever, SmartRecruiters, USAJOBS, sitemap) replayed by the demo's sample site, fetched,
 * tagged, mailed in the digest and served in {@code /feeds/jobs.atom}; and a posting that leaves
 * its employer's listing leaves the feed at the next poll.
 */
class JobSourcesIT {
    @TempDir
    Path dir;

    /** Per type: a lead's title, its employer, and text that must show with it (place, pay). */
    private static final List<List<String>> LEADS = List.of(
            List.of("IV Room Pharmacy Technician - Evenings", "Bluestem Health", "Madison, WI"),
            List.of("Central Fill Technician", "Harborlight Pharmacy Services", "Dayton, OH"),
            List.of("Specialty Pharmacy Technician - Patient Onboarding", "Meridian Specialty Pharmacy", "Tempe"),
            List.of("Long-Term Care Pharmacy Technician - Nights", "MeadowCare Pharmacy", "Tampa"),
            List.of("Pharmacy Technician (Sterile Compounding)", "Veterans Health Administration", "Houston"),
            List.of("Retail Pharmacy Technician - Westgate", "Prairie Drug", "Omaha"));

    /** Postings on the same listings that are not pharmacy-technician jobs: never published. */
    private static final List<String> NOT_PHARMACY = List.of("Warehouse Forklift Operator", "Registered Nurse - Med/Surg",
            "Accounts Payable Specialist", "Delivery Driver", "Assistant Store Manager");

    @Test
    void everyJobSourceTypeReachesTheDigestAndTheJobsFeed() throws Exception {
        Path outbox = dir.resolve("outbox");
        try (SampleSite site = SampleSite.start(0)) {
            RxRadarConfig cfg = DemoSetup.config(ConfigLoader.load(null, Map.of()), site, 0, outbox, dir.resolve("data"));
            try (Pipeline pipeline = Pipeline.open(cfg)) {
                Pipeline.Summary run = pipeline.runOnce();
                assertThat(run.sourcesFailed()).as("sources failed").isZero();
                assertThat(run.digestsSent()).isEqualTo(1);

                SyndFeed jobs = feed(pipeline.httpPort(), "/feeds/jobs.atom?limit=200");
                for (List<String> lead : LEADS) {
                    SyndEntry e = entry(jobs, lead.get(0));
                    assertThat(e).as("lead %s in /feeds/jobs.atom", lead.get(0)).isNotNull();
                    assertThat(e.getAuthors()).anySatisfy(a -> assertThat(a.getName()).isEqualTo(lead.get(1)));
                    assertThat(text(e)).as("%s shows where", lead.get(0)).contains(lead.get(2));
                    assertThat(e.getPublishedDate()).isNotNull();
                }
                // pay in the structured posting (USAJOBS annual range, the sitemap page's hourly range)
                assertThat(text(entry(jobs, "Retail Pharmacy Technician - Westgate"))).contains("17.25");
                assertThat(text(entry(jobs, "Pharmacy Technician (Sterile Compounding)"))).containsPattern("47,?512");
                for (String title : NOT_PHARMACY) assertThat(entry(jobs, title)).as(title).isNull();

                String digest = Files.readString(only(outbox, ".html"), StandardCharsets.UTF_8);
                for (List<String> lead : LEADS) {
                    assertThat(digest).as("digest lists %s", lead.get(0)).contains(escaped(lead.get(0))).contains(lead.get(1));
                }
                for (String title : NOT_PHARMACY) assertThat(digest).doesNotContain(escaped(title));
            }
        }
    }

    @Test
    void aPostingThatLeavesItsListingLeavesTheFeedAtTheNextPoll() throws Exception {
        AtomicReference<String> board = new AtomicReference<>(greenhouse(posting(1, "Pharmacy Technician - Days"),
                posting(2, "Pharmacy Technician - Nights")));
        try (TestServer server = new TestServer()) {
            server.on("/v1/boards/lakeside/jobs", ex -> TestServer.send(ex, 200, "application/json",
                    board.get().getBytes(StandardCharsets.UTF_8)));
            RxRadarConfig cfg = config(new RxRadarConfig.Source("lakeside", "greenhouse", null, "https://boards.greenhouse.io/lakeside",
                    Duration.ofMinutes(5), "Lakeside Health", null, true, server.url("/v1/boards/lakeside/jobs").toString(),
                    null, null, null, null, null));
            try (Pipeline pipeline = Pipeline.open(cfg)) {
                pipeline.runOnce();
                assertThat(titles(feed(pipeline.httpPort(), "/feeds/jobs.atom")))
                        .contains("Pharmacy Technician - Days", "Pharmacy Technician - Nights");

                board.set(greenhouse(posting(1, "Pharmacy Technician - Days")));
                pipeline.runOnce();
                List<String> after = titles(feed(pipeline.httpPort(), "/feeds/jobs.atom"));
                assertThat(after).contains("Pharmacy Technician - Days").doesNotContain("Pharmacy Technician - Nights");

                // a listing that fails closes nothing
                board.set("{\"jobs\": [");
                pipeline.runOnce();
                assertThat(titles(feed(pipeline.httpPort(), "/feeds/jobs.atom"))).contains("Pharmacy Technician - Days");
            }
        }
    }

    private RxRadarConfig config(RxRadarConfig.Source source) {
        RxRadarConfig base = ConfigLoader.load(null, Map.of());
        RxRadarConfig.Fetch f = base.fetch();
        RxRadarConfig.Fetch fetch = new RxRadarConfig.Fetch(f.userAgent(), f.connectTimeout(), f.readTimeout(), f.totalTimeout(),
                f.maxBodySize(), f.maxRedirects(), f.threads(), f.perHostConcurrency(), Duration.ZERO, f.maxConsecutiveErrors(),
                dir.resolve("data/fetch").toString());
        RxRadarConfig.Kafka kafka = base.kafka().withEmbedded(new RxRadarConfig.Embedded(0, 0, dir.resolve("data/kafka").toString()));
        return new RxRadarConfig(kafka, new RxRadarConfig.Http(0, "127.0.0.1", ""), fetch, List.of(source), null, List.of(),
                base.mail().withOutbox(dir.resolve("outbox").toString()), null);
    }

    private static String posting(int id, String title) {
        return "{\"id\": " + id + ", \"title\": \"" + title + "\", \"updated_at\": \"2026-11-30T08:00:00-05:00\","
                + " \"location\": {\"name\": \"Fresno, CA\"}, \"absolute_url\": \"https://boards.greenhouse.io/lakeside/jobs/" + id + "\","
                + " \"content\": \"&lt;p&gt;Inpatient pharmacy technician, $22.00 - $26.00 per hour.&lt;/p&gt;\"}";
    }

    private static String greenhouse(String... postings) {
        return "{\"jobs\": [" + String.join(",", postings) + "], \"meta\": {\"total\": " + postings.length + "}}";
    }

    private static SyndEntry entry(SyndFeed feed, String title) {
        return feed.getEntries().stream().filter(e -> title.equals(e.getTitle())).findFirst().orElse(null);
    }

    private static List<String> titles(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getTitle).toList();
    }

    private static String text(SyndEntry e) {
        StringBuilder b = new StringBuilder();
        if (e.getDescription() != null) b.append(e.getDescription().getValue()).append('\n');
        e.getContents().forEach(c -> b.append(c.getValue()).append('\n'));
        return b.toString();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Path only(Path dir, String suffix) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(suffix)).toList();
            assertThat(files).hasSize(1);
            return files.get(0);
        }
    }

    private static SyndFeed feed(int port, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new SyndFeedInput().build(new StringReader(r.body()));
    }
}
