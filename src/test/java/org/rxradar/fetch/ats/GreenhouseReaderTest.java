package org.rxradar.fetch.ats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.TestServer;
import org.rxradar.model.Item;
import org.rxradar.model.Salary;

class GreenhouseReaderTest {
    private static final String BOARD = "https://boards.greenhouse.io/maplecresthealth";
    private final TestServer server = new TestServer();

    GreenhouseReaderTest() throws Exception {}

    @AfterEach
    void stop() {
        server.close();
    }

    private Listing read(String fixture, String name) throws FetchException {
        server.serve("/v1/boards/maplecresthealth/jobs", "application/json", Fixtures.read("greenhouse/" + fixture));
        RxRadarConfig.Source source = Fixtures.source("gh", "greenhouse", BOARD, name,
                server.url("/v1/boards/maplecresthealth/jobs?content=true").toString(), Fixtures.TECH_SEARCH, null, null);
        return new GreenhouseReader().read(source, Fixtures.client("gh"));
    }

    private static Map<String, Item> byTitle(Listing listing) {
        return listing.items().stream().collect(Collectors.toMap(Item::title, Function.identity()));
    }

    @Test
    void pharmacyPostingsAreKeptWithTheirFieldsAndTheOthersIgnored() throws Exception {
        Listing listing = read("jobs.json", null);

        assertThat(listing.complete()).isTrue();
        assertThat(listing.listed()).hasSize(4);
        // the software engineer and the nurse name no phrase; the specialist names one in its description only
        assertThat(byTitle(listing)).containsOnlyKeys("Pharmacy Technician II", "Prior Authorization Specialist");
        assertThat(listing.ignored()).hasSize(2);

        Item tech = byTitle(listing).get("Pharmacy Technician II");
        assertThat(tech.url()).isEqualTo("https://boards.greenhouse.io/maplecresthealth/jobs/4100001");
        assertThat(tech.employer()).isEqualTo("Maplecrest Health");
        assertThat(tech.location()).isEqualTo("Houston, TX");
        assertThat(tech.published()).isEqualTo(Instant.parse("2026-11-18T13:00:00Z")); // first_published, not updated_at
        assertThat(tech.publishedEstimated()).isFalse();
        assertThat(tech.posting().place().city()).isEqualTo("Houston");
        assertThat(tech.posting().place().state()).isEqualTo("TX");
        assertThat(tech.posting().place().remote()).isFalse();
        assertThat(tech.posting().employment()).isEqualTo("FULL_TIME");
        assertThat(tech.posting().salary()).isEqualTo(new Salary(19.5, 24.0, Salary.Unit.HOUR, "USD"));
        assertThat(tech.posting().identifier()).isEqualTo("RX-1042");
        assertThat(tech.posting().validThrough()).isNull();
    }

    @Test
    void escapedHtmlIsUnescapedOnceThenCleaned() throws Exception {
        Item tech = byTitle(read("jobs.json", null)).get("Pharmacy Technician II");

        assertThat(tech.summary())
                .startsWith("Maplecrest Health is hiring a Pharmacy Technician for our Medical Center outpatient pharmacy. "
                        + "Fill & verify prescriptions, manage inventory & talk with patients.")
                .contains("PTCB certification (CPhT) preferred")
                .contains("$19.50–$24.00 an hour")
                .doesNotContain("&lt;", "&gt;", "&amp;", "&nbsp;", "&ndash;", "<p>", "<li>", "<strong>", "\u00a0");
    }

    @Test
    void aDescriptionOnlyMatchIsKeptAndTheEmployerFallsBackToTheSourceThenTheBoard() throws Exception {
        Item named = byTitle(read("jobs.json", "Maplecrest Careers")).get("Prior Authorization Specialist");
        assertThat(named.employer()).isEqualTo("Maplecrest Careers"); // no company_name on this posting
        assertThat(named.posting().place().remote()).isTrue();
        assertThat(named.posting().place().state()).isNull();
        assertThat(named.summary()).contains("an active pharmacy technician license");

        Item unnamed = byTitle(read("jobs.json", null)).get("Prior Authorization Specialist");
        assertThat(unnamed.employer()).isEqualTo("maplecresthealth");
    }

    @Test
    void anEmptyBoardIsACompleteEmptyListing() throws Exception {
        Listing listing = read("jobs-empty.json", null);
        assertThat(listing.items()).isEmpty();
        assertThat(listing.listed()).isEmpty();
        assertThat(listing.complete()).isTrue();
        assertThat(listing.notice()).isEqualTo("the listing is empty");
    }

    @Test
    void anAnswerHoldingFewerJobsThanItCountsClosesNothing() throws Exception {
        server.serve("/cut", "application/json", Fixtures.read("greenhouse/jobs.json").replace("\"total\": 4", "\"total\": 9"));
        RxRadarConfig.Source source = Fixtures.source("gh", "greenhouse", BOARD, null, server.url("/cut").toString(),
                Fixtures.TECH_SEARCH, null, null);
        Listing listing = new GreenhouseReader().read(source, Fixtures.client("gh"));
        assertThat(listing.complete()).isFalse();
        assertThat(listing.items()).hasSize(2);
        assertThat(listing.notice()).contains("4 of the 9 jobs");
    }

    @Test
    void oneBadPostingIsSkippedAndCountedWithoutHidingTheOthers() throws Exception {
        String json = Fixtures.read("greenhouse/jobs.json").replaceFirst("\"jobs\": \\[", "\"jobs\": [\"not a posting\", {\"content\": null},");
        server.serve("/bad", "application/json", json);
        RxRadarConfig.Source source = Fixtures.source("gh", "greenhouse", BOARD, null, server.url("/bad").toString(),
                Fixtures.TECH_SEARCH, null, null);
        Listing listing = new GreenhouseReader().read(source, Fixtures.client("gh"));
        assertThat(listing.items()).hasSize(2);
        assertThat(listing.listed()).hasSize(4);
        assertThat(listing.complete()).isTrue();
        assertThat(listing.notice()).startsWith("2 postings skipped, unreadable (first: a posting: no url, id or title)");
    }

    @Test
    void malformedJsonIsAOneLineErrorNamingTheBoard() {
        server.serve("/v1/boards/maplecresthealth/jobs", "application/json", Fixtures.read("greenhouse/malformed.json"));
        RxRadarConfig.Source source = Fixtures.source("gh", "greenhouse", BOARD, null,
                server.url("/v1/boards/maplecresthealth/jobs?content=true").toString(), Fixtures.TECH_SEARCH, null, null);
        assertThatThrownBy(() -> new GreenhouseReader().read(source, Fixtures.client("gh")))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("greenhouse board 'maplecresthealth': malformed JSON from http://127.0.0.1:")
                .hasMessageContaining("(line 1, column")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aBoardUrlThatNamesNoBoardIsAConfigurationProblem() {
        RxRadarConfig.Source source = Fixtures.source("gh", "greenhouse", "https://example.org/careers", null, null,
                Fixtures.TECH_SEARCH, null, null);
        assertThatThrownBy(() -> new GreenhouseReader().read(source, Fixtures.client("gh")))
                .isInstanceOf(SourceConfigException.class)
                .hasMessageContaining("https://boards.greenhouse.io/<board>");
        assertThat(server.requests).hasValue(0);
    }

    @Test
    void boardTokensFromEveryUrlForm() {
        assertThat(GreenhouseReader.board("https://boards.greenhouse.io/maplecresthealth")).isEqualTo("maplecresthealth");
        assertThat(GreenhouseReader.board("https://job-boards.greenhouse.io/maplecresthealth/jobs/4100001")).isEqualTo("maplecresthealth");
        assertThat(GreenhouseReader.board("https://boards.greenhouse.io/embed/job_board?for=maplecresthealth")).isEqualTo("maplecresthealth");
        assertThat(GreenhouseReader.board("https://boards-api.greenhouse.io/v1/boards/maplecresthealth/jobs")).isEqualTo("maplecresthealth");
        assertThat(GreenhouseReader.board("https://boards.greenhouse.io/")).isNull();
        assertThat(GreenhouseReader.board("https://example.org/maplecresthealth")).isNull();
    }
}
