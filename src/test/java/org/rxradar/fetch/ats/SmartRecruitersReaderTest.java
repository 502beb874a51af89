package org.rxradar.fetch.ats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.FetchConfigs;
import org.rxradar.fetch.FetchStateStore;
import org.rxradar.fetch.HttpFetcher;
import org.rxradar.fetch.SourceFetcher;
import org.rxradar.fetch.SourceReport;
import org.rxradar.model.Item;

/** The SmartRecruiters reader end to end through the fetch stage, against a local replay of the Posting API. */
class SmartRecruitersReaderTest {
    private static final List<String> PHARMACY_TECHNICIAN = List.of("pharmacy technician");

    @TempDir
    Path dir;
    private SmartRecruitersSite site;
    private SourceFetcher fetcher;
    private final List<Item> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        site = new SmartRecruitersSite();
        RxRadarConfig.Fetch cfg = FetchConfigs.small(dir.toString());
        fetcher = new SourceFetcher(cfg, new HttpFetcher(cfg), new FetchStateStore(dir), published::add);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private RxRadarConfig.Source source(List<String> search) {
        return new RxRadarConfig.Source("bright-leaf", "smartrecruiters", null, SmartRecruitersSite.PUBLIC,
                Duration.ofMinutes(5), "Bright Leaf", Map.of(), true, site.apiUrl(), search, null, null, null, null);
    }

    private Item item(String id) {
        return published.stream().filter(i -> i.url().equals(SmartRecruitersSite.PUBLIC + "/" + id)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("not published: " + id));
    }

    private Set<String> titles() {
        return published.stream().map(Item::title).collect(Collectors.toSet());
    }

    @Test
    void readsEveryPageOfTheQueryAndKeepsOnlyPharmacyPostings() {
        SourceReport report = fetcher.fetch(source(PHARMACY_TECHNICIAN));

        assertThat(report.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(report.found()).isEqualTo(43);
        assertThat(report.published()).isEqualTo(43);
        // asked for 100, the server pages by 20 and says so: 45 postings in three pages
        assertThat(site.queries).extracting(q -> q.get("offset")).containsExactly("0", "20", "40");
        assertThat(site.queries).allSatisfy(q -> {
            assertThat(q.get("q")).isEqualTo("pharmacy technician");
            assertThat(q.get("limit")).isEqualTo("100");
        });
        assertThat(titles()).doesNotContain("Cashier", "Patient Access Representative").contains("Central Fill Technician");
        assertThat(report.message()).isNull();
    }

    @Test
    void fillsEmployerPlaceDateAndEmploymentAndMakesTheDescriptionFromTheSections() {
        fetcher.fetch(source(PHARMACY_TECHNICIAN));

        Item first = item("744000050000101");
        assertThat(first.title()).isEqualTo("Pharmacy Technician");
        assertThat(first.employer()).isEqualTo("Bright Leaf Health");
        assertThat(first.location()).isEqualTo("Columbus, OH");
        assertThat(first.posting().place().city()).isEqualTo("Columbus");
        assertThat(first.posting().place().state()).as("region 'Ohio'").isEqualTo("OH");
        assertThat(first.posting().employment()).isEqualTo("PART_TIME");
        assertThat(first.posting().identifier()).isEqualTo("BLH2400");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-10-01T14:03:27Z"));
        assertThat(first.publishedEstimated()).isFalse();
        // the job first, the company's presentation last
        assertThat(first.summary()).startsWith("Job Description Our Columbus outpatient pharmacy")
                .contains("Qualifications Ohio State Board of Pharmacy technician registration")
                .contains("Pay: $19.00 - $22.50 per hour.")
                .endsWith("Company Description Bright Leaf Health runs 14 community hospitals and 60 outpatient pharmacies across the Ohio Valley.");

        assertThat(item("744000050001010").posting().place().state()).as("region 'KY'").isEqualTo("KY");
        Item remote = item("744000050003131");
        assertThat(remote.posting().place().remote()).isTrue();
        assertThat(remote.posting().place().state()).isEqualTo("OH");
        Item toronto = item("744000050003939");
        assertThat(toronto.posting().place().state()).as("ON is no US state").isNull();
        assertThat(toronto.location()).isEqualTo("Toronto, ON, CA");
    }

    @Test
    void cleansEntitiesAndEscapedHtmlOutOfTheDescription() {
        fetcher.fetch(source(PHARMACY_TECHNICIAN));

        assertThat(item("744000050002222").summary())
                .contains("Pharmacy Technician II – sterile compounding & IV room")
                .contains("You’ll prepare IV admixtures under USP <797>.")
                .contains("CPhT & two years’ hospital experience")
                .contains("Bright Leaf Health — care close to home.")
                .doesNotContain("&lt;", "&amp;", "nbsp", "#8217", "<p>");
    }

    @Test
    void queriesEachPhraseButReadsEachPostingsDetailsOnceAcrossPolls() {
        RxRadarConfig.Source source = source(null);
        SourceReport first = fetcher.fetch(source);

        assertThat(first.published()).isEqualTo(43);
        assertThat(site.queries).extracting(q -> q.get("q")).containsAll(RxRadarConfig.Source.DEFAULT_SEARCH);
        assertThat(site.detailRequests).hasSize(45).allSatisfy((id, n) -> assertThat(n.get()).as(id).isEqualTo(1));

        SourceReport second = fetcher.fetch(source);

        assertThat(second.found()).isEqualTo(43);
        assertThat(second.published()).isZero();
        assertThat(second.closed()).isZero();
        assertThat(site.details()).isEqualTo(45);
    }

    @Test
    void aPostingGoneFromTheListingIsClosed() {
        RxRadarConfig.Source source = source(PHARMACY_TECHNICIAN);
        fetcher.fetch(source);
        Item removed = item("744000050000202");
        site.postings.removeIf(p -> p.path("id").asText().equals("744000050000202"));
        published.clear();

        SourceReport report = fetcher.fetch(source);

        assertThat(report.closed()).isEqualTo(1);
        assertThat(published).singleElement().satisfies(closed -> {
            assertThat(closed.id()).isEqualTo(removed.id());
            assertThat(closed.closed()).isNotNull();
            assertThat(closed.title()).isEqualTo(removed.title());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "malformed"})
    void aListingThatFailsHalfwayClosesNothing(String failure) {
        RxRadarConfig.Source source = source(PHARMACY_TECHNICIAN);
        fetcher.fetch(source);
        published.clear();
        site.postings.removeIf(p -> p.path("id").asText().equals("744000050000202"));
        site.pageAnswers.put(20, failure.equals("500") ? new Object[] {500, "{}"}
                : new Object[] {200, Fixtures.text("smartrecruiters/postings-truncated.json")});

        SourceReport report = fetcher.fetch(source);

        assertThat(report.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(report.closed()).isZero();
        assertThat(published).isEmpty();
        assertThat(report.message()).contains("listing read in part, nothing closed")
                .contains("query 'pharmacy technician': page 2 failed after 20 postings");
    }

    @Test
    void malformedJsonOnTheFirstPageIsTheSourcesError() {
        site.pageAnswers.put(0, new Object[] {200, Fixtures.text("smartrecruiters/postings-truncated.json")});

        SourceReport report = fetcher.fetch(source(PHARMACY_TECHNICIAN));

        assertThat(report.status()).isEqualTo(SourceReport.Status.ERROR);
        assertThat(report.message()).startsWith("smartrecruiters company 'BrightLeafHealth': malformed JSON from " + site.apiUrl() + "?q=pharmacy+technician")
                .contains("Unexpected end-of-input");
    }

    @Test
    void anEmptyListingIsNoError() throws Exception {
        site.close();
        site = new SmartRecruitersSite("smartrecruiters/postings-empty.json");

        SourceReport report = fetcher.fetch(source(PHARMACY_TECHNICIAN));

        assertThat(report.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(report.found()).isZero();
        assertThat(report.message()).isEqualTo("the listing is empty");
        assertThat(site.details()).isZero();
    }

    @Test
    void aDetailThatFailsIsTriedAgainNextPollAndOneThatIsGoneClosesItsPosting() {
        RxRadarConfig.Source source = source(PHARMACY_TECHNICIAN);
        site.detailStatus.put("744000050000303", 502);

        SourceReport first = fetcher.fetch(source);

        assertThat(first.published()).isEqualTo(42);
        assertThat(first.message()).contains("1 posting's details could not be read").contains("HTTP 502");

        site.detailStatus.remove("744000050000303");
        Item gone = item("744000050000404");
        site.postings.replaceAll(p -> p.path("id").asText().equals("744000050000404")
                ? ((ObjectNode) p.deepCopy()).put("releasedDate", "2026-11-02T09:00:00.000Z") : p);
        site.detailStatus.put("744000050000404", 404);
        published.clear();

        SourceReport second = fetcher.fetch(source);

        assertThat(second.published()).isEqualTo(1);
        assertThat(second.closed()).isEqualTo(1);
        assertThat(published).anySatisfy(i -> assertThat(i.url()).endsWith("/744000050000303"));
        assertThat(published).anySatisfy(i -> {
            assertThat(i.id()).isEqualTo(gone.id());
            assertThat(i.closed()).isNotNull();
        });
    }

    @Test
    void followsTheRefOnlyToTheApiThatAnswered() throws Exception {
        site.postings.replaceAll(p -> p.path("id").asText().equals("744000050000101")
                ? ((ObjectNode) p.deepCopy()).put("ref", "http://169.254.169.254/latest/meta-data/") : p);

        fetcher.fetch(source(PHARMACY_TECHNICIAN));

        assertThat(site.detailRequests.get("744000050000101")).hasValue(1);
        assertThat(item("744000050000101").employer()).isEqualTo("Bright Leaf Health");
    }

    @Test
    void aUrlThatNamesNoCompanyIsAConfigurationProblem() {
        RxRadarConfig.Source source = new RxRadarConfig.Source("x", "smartrecruiters", null, "https://jobs.smartrecruiters.com/",
                Duration.ofMinutes(5), null, Map.of(), true, null, null, null, null, null, null);

        SourceReport report = fetcher.fetch(source);

        assertThat(report.status()).isEqualTo(SourceReport.Status.CONFIG);
        assertThat(report.message()).contains("names no company");
    }

    @Test
    void derivesTheApiFromTheCareerSiteAddress() throws Exception {
        SmartRecruitersReader.Company c = SmartRecruitersReader.Company.of(new RxRadarConfig.Source("x", "smartrecruiters",
                null, "https://jobs.smartrecruiters.com/BrightLeafHealth", Duration.ofMinutes(5), null, Map.of(), true, null,
                null, null, null, null, null));

        assertThat(c.page("pharmacy tech", 200)).hasToString(
                "https://api.smartrecruiters.com/v1/companies/BrightLeafHealth/postings?q=pharmacy+tech&limit=100&offset=200");
        assertThat(c.detail("7440001", null)).hasToString("https://api.smartrecruiters.com/v1/companies/BrightLeafHealth/postings/7440001");
        assertThat(c.publicUrl("7440001")).isEqualTo("https://jobs.smartrecruiters.com/BrightLeafHealth/7440001");
    }
}
