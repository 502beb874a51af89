package org.rxradar.fetch.ats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.FetchConfigs;
import org.rxradar.fetch.FetchStateStore;
import org.rxradar.fetch.HttpFetcher;
import org.rxradar.fetch.SourceFetcher;
import org.rxradar.fetch.SourceReport;
import org.rxradar.fetch.TestServer;
import org.rxradar.model.Item;
import org.slf4j.LoggerFactory;

/** The three readers end to end through the fetch stage (no Kafka): publish, close, reopen, errors, pauses. */
class JobListingSourcesTest {
    @TempDir
    Path state;
    private final TestServer server = new TestServer();
    private final List<Item> published = new CopyOnWriteArrayList<>();
    private SourceFetcher fetcher;

    JobListingSourcesTest() throws Exception {}

    @AfterEach
    void stop() {
        server.close();
    }

    private SourceFetcher fetcher() {
        if (fetcher == null) {
            RxRadarConfig.Fetch cfg = FetchConfigs.small(state.toString());
            fetcher = new SourceFetcher(cfg, new HttpFetcher(cfg), new FetchStateStore(state), published::add);
        }
        return fetcher;
    }

    /** Serves whatever fixture {@code body} holds at the time of the request. */
    private AtomicReference<String> replay(String path, String fixture) {
        AtomicReference<String> body = new AtomicReference<>(Fixtures.read(fixture));
        server.on(path, ex -> TestServer.send(ex, 200, "application/json", body.get().getBytes(StandardCharsets.UTF_8)));
        return body;
    }

    private RxRadarConfig.Source greenhouse(String apiPath) {
        return Fixtures.source("maplecrest", "greenhouse", "https://boards.greenhouse.io/maplecresthealth", null,
                server.url(apiPath).toString(), Fixtures.TECH_SEARCH, null, null);
    }

    private RxRadarConfig.Source usajobs(String apiKey) {
        return Fixtures.source("usajobs", "usajobs", "https://www.usajobs.gov/", "USAJOBS", server.url("/api/search").toString(),
                List.of("pharmacy technician"), apiKey, "rx@example.org");
    }

    @Test
    void aPostingGoneFromTheBoardIsClosedOnceAndRepublishedWhenItReturns() {
        AtomicReference<String> board = replay("/v1/boards/maplecresthealth/jobs", "greenhouse/jobs.json");
        RxRadarConfig.Source source = greenhouse("/v1/boards/maplecresthealth/jobs?content=true");

        SourceReport first = fetcher().fetch(source);
        assertThat(first.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(first.published()).isEqualTo(2);
        assertThat(published).extracting(Item::title).containsExactlyInAnyOrder("Pharmacy Technician II", "Prior Authorization Specialist");
        Item specialist = published.stream().filter(i -> i.title().equals("Prior Authorization Specialist")).findFirst().orElseThrow();
        published.clear();

        board.set(Fixtures.read("greenhouse/jobs-without-4100002.json"));
        SourceReport second = fetcher().fetch(source);
        assertThat(second.closed()).isEqualTo(1);
        assertThat(second.published()).isZero();
        assertThat(published).singleElement().satisfies(closed -> {
            assertThat(closed.id()).isEqualTo(specialist.id());
            assertThat(closed.url()).isEqualTo(specialist.url());
            assertThat(closed.title()).isEqualTo("Prior Authorization Specialist");
            assertThat(closed.closed()).isNotNull();
        });
        published.clear();

        assertThat(fetcher().fetch(source).closed()).isZero(); // closed once
        assertThat(published).isEmpty();

        board.set(Fixtures.read("greenhouse/jobs.json"));
        SourceReport back = fetcher().fetch(source);
        assertThat(back.published()).isEqualTo(1);
        assertThat(back.updated()).isEqualTo(1);
        assertThat(published).singleElement().satisfies(reopened -> {
            assertThat(reopened.id()).isEqualTo(specialist.id());
            assertThat(reopened.closed()).isNull();
            assertThat(reopened.updated()).isNotNull();
        });
    }

    @Test
    void aListingThatFailsHalfwayClosesNothing() {
        AtomicReference<String> page2 = new AtomicReference<>(Fixtures.read("usajobs/technician-page2.json"));
        server.on("/api/search", ex -> {
            String query = ex.getRequestURI().getRawQuery();
            if (query.contains("Page=1")) {
                TestServer.send(ex, 200, "application/json", Fixtures.read("usajobs/technician-page1.json").getBytes(StandardCharsets.UTF_8));
            } else if (page2.get() == null) {
                TestServer.send(ex, 502, "text/html", "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8));
            } else {
                TestServer.send(ex, 200, "application/json", page2.get().getBytes(StandardCharsets.UTF_8));
            }
        });
        RxRadarConfig.Source source = usajobs("a-key");

        SourceReport first = fetcher().fetch(source);
        assertThat(first.published()).isEqualTo(3);
        published.clear();

        page2.set(null);
        SourceReport halfway = fetcher().fetch(source);
        assertThat(halfway.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(halfway.closed()).isZero();
        assertThat(halfway.message()).contains("listing read in part, nothing closed: 'pharmacy technician' page 2: HTTP 502");
        assertThat(published).isEmpty();

        // the postings of page 2 were never closed, so nothing is published again when it answers
        page2.set(Fixtures.read("usajobs/technician-page2.json"));
        SourceReport whole = fetcher().fetch(source);
        assertThat(whole.closed()).isZero();
        assertThat(whole.published()).isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void aRefusedKeyPausesTheSourceAndTheKeyAppearsNowhere() throws Exception {
        String key = UsaJobsReaderTest.KEY;
        server.on("/api/search", ex -> TestServer.send(ex, 401, "application/json",
                "{\"message\":\"Authorization has been denied for this request.\"}".getBytes(StandardCharsets.UTF_8)));
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        SourceReport refused;
        SourceReport next;
        try {
            refused = fetcher().fetch(usajobs(key));
            next = fetcher().fetch(usajobs(key));
        } finally {
            root.detachAppender(logs);
        }

        assertThat(refused.status()).isEqualTo(SourceReport.Status.CONFIG);
        assertThat(refused.message()).contains("HTTP 401 Unauthorized").contains("api-key").doesNotContain(key);
        assertThat(next.status()).isEqualTo(SourceReport.Status.PAUSED);
        assertThat(next.message()).doesNotContain(key);
        assertThat(server.requests).hasValue(1); // the paused source asked nothing
        assertThat(logs.list).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).doesNotContain(key);
            if (e.getThrowableProxy() != null) assertThat(e.getThrowableProxy().getMessage()).doesNotContain(key);
        });
        try (Stream<Path> files = Files.list(state)) {
            assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(Files.readString(f)).doesNotContain(key));
        }
    }

    @Test
    void withoutAKeyTheSourceIsAConfigurationProblem() {
        assumeTrue(System.getenv(RxRadarConfig.Source.USAJOBS_KEY_ENV) == null, "the environment holds a USAJOBS key");
        server.on("/api/search", ex -> TestServer.send(ex, 200, "application/json", Fixtures.read("usajobs/empty.json").getBytes(StandardCharsets.UTF_8)));

        SourceReport report = fetcher().fetch(usajobs(null));
        assertThat(report.status()).isEqualTo(SourceReport.Status.CONFIG);
        assertThat(report.message()).contains("api-key").contains(RxRadarConfig.Source.USAJOBS_KEY_ENV).doesNotContain("\n");
        assertThat(fetcher().fetch(usajobs(null)).status()).isEqualTo(SourceReport.Status.PAUSED);
        assertThat(server.requests).hasValue(0);
    }

    @Test
    void malformedJsonIsAReadableErrorAndTheNextSourceGoesOn() {
        replay("/broken", "greenhouse/malformed.json");
        replay("/v0/postings/brightwater-pharmacy", "lever/postings.json");
        RxRadarConfig.Source lever = Fixtures.source("brightwater", "lever", "https://jobs.lever.co/brightwater-pharmacy",
                "Brightwater Pharmacy", server.url("/v0/postings/brightwater-pharmacy?mode=json").toString(), Fixtures.TECH_SEARCH, null, null);

        SourceReport broken = fetcher().fetch(greenhouse("/broken"));
        SourceReport fine = fetcher().fetch(lever);

        assertThat(broken.status()).isEqualTo(SourceReport.Status.ERROR);
        assertThat(broken.message()).startsWith("greenhouse board 'maplecresthealth': malformed JSON from " + server.url("/broken"))
                .contains("(line 1, column").doesNotContain("\n");
        assertThat(fine.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(fine.published()).isEqualTo(2);
        assertThat(published).extracting(Item::source).containsOnly("brightwater");
    }
}
