package org.rxradar.fetch.ats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/** The Workday reader end to end through the fetch stage, against a local replay of a Workday site. */
class WorkdayReaderTest {
    private static final List<String> PHARMACY_TECHNICIAN = List.of("pharmacy technician");

    @TempDir
    Path dir;
    private WorkdaySite site;
    private SourceFetcher fetcher;
    private final List<Item> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        site = new WorkdaySite();
        RxRadarConfig.Fetch cfg = FetchConfigs.small(dir.toString());
        fetcher = new SourceFetcher(cfg, new HttpFetcher(cfg), new FetchStateStore(dir), published::add);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private RxRadarConfig.Source source(List<String> search) {
        return new RxRadarConfig.Source("acme-workday", "workday", null, WorkdaySite.PUBLIC, Duration.ofMinutes(5),
                "Acme Rx", Map.of(), true, site.apiUrl(), search, null, null, null, null);
    }

    private Item item(String externalPath) {
        return published.stream().filter(i -> i.url().equals(WorkdaySite.PUBLIC + externalPath)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("not published: " + externalPath));
    }

    private Set<String> titles() {
        return published.stream().map(Item::title).collect(Collectors.toSet());
    }

    @Test
    void readsEveryPageOfTheSearchAndKeepsOnlyPharmacyPostings() {
        SourceReport report = fetcher.fetch(source(PHARMACY_TECHNICIAN));

        assertThat(report.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(report.found()).isEqualTo(42);
        assertThat(report.published()).isEqualTo(42);
        // 45 postings, 20 a page: offsets 0, 20, 40 with the phrase as Workday's own search text
        assertThat(site.searches).extracting(b -> b.path("offset").asInt()).containsExactly(0, 20, 40);
        for (JsonNode body : site.searches) {
            assertThat(body.path("searchText").asText()).isEqualTo("pharmacy technician");
            assertThat(body.path("limit").asInt()).isEqualTo(20);
            assertThat(body.path("appliedFacets").isObject()).isTrue();
            assertThat(body.path("appliedFacets").isEmpty()).isTrue();
        }
        assertThat(titles()).doesNotContain("Cashier", "Front Store Associate", "Shift Supervisor");
        // the title names no phrase, the description does
        assertThat(titles()).contains("Central Fill Technician", "Certified Pharmacy Technician (CPhT)");
        assertThat(published).allSatisfy(i -> assertThat(i.closed()).isNull());
    }

    @Test
    void fillsEmployerPlaceDateEmploymentAndIdentifierFromTheDetails() {
        fetcher.fetch(source(PHARMACY_TECHNICIAN));

        Item first = item("/job/Austin-TX/Pharmacy-Technician_R10001");
        assertThat(first.url()).isEqualTo("https://acmerx.wd1.myworkdayjobs.com/en-US/Acme_Careers/job/Austin-TX/Pharmacy-Technician_R10001");
        assertThat(first.title()).isEqualTo("Pharmacy Technician");
        assertThat(first.employer()).isEqualTo("Acme Rx Pharmacies");
        assertThat(first.location()).isEqualTo("Austin, TX; Round Rock, TX");
        assertThat(first.posting().place().city()).isEqualTo("Austin");
        assertThat(first.posting().place().state()).isEqualTo("TX");
        assertThat(first.posting().employment()).isEqualTo("PART_TIME");
        assertThat(first.posting().identifier()).isEqualTo("R10001");
        assertThat(first.posting().salary()).isNull();
        assertThat(first.published()).isEqualTo(Instant.parse("2026-09-14T00:00:00Z"));
        assertThat(first.publishedEstimated()).isFalse();
        assertThat(first.summary()).contains("Pay range: $17.50 - $21.00 per hour.").doesNotContain("<");

        // "TX - Fort Worth", Workday's state-first form
        Item centralFill = item("/job/Fort-Worth-TX/Central-Fill-Technician_R20001");
        assertThat(centralFill.posting().place().city()).isEqualTo("Fort Worth");
        assertThat(centralFill.posting().place().state()).isEqualTo("TX");
        assertThat(centralFill.posting().employment()).isEqualTo("FULL_TIME");
    }

    @Test
    void cleansEntitiesAndEscapedHtmlOutOfTheDescription() {
        fetcher.fetch(source(PHARMACY_TECHNICIAN));

        Item specialty = item("/job/Denver-CO/Pharmacy-Technician---Specialty_R20004");
        assertThat(specialty.summary())
                .startsWith("Specialty pharmacy technician – oncology & infusion")
                .contains("You’ll coordinate refills with patients and prescribers.")
                .contains("Bilingual (English & Spanish) a plus")
                .doesNotContain("<", ">", "&lt;", "&amp;", "&nbsp;", "nbsp", "#8217");
    }

    @Test
    void searchesEachPhraseButReadsEachPostingsDetailsOnceAcrossPolls() {
        RxRadarConfig.Source source = source(null); // the built-in phrases
        SourceReport first = fetcher.fetch(source);

        assertThat(first.published()).isEqualTo(42);
        assertThat(site.searches).extracting(b -> b.path("searchText").asText()).containsAll(RxRadarConfig.Source.DEFAULT_SEARCH);
        assertThat(site.detailRequests).hasSize(45).allSatisfy((path, n) -> assertThat(n.get()).as(path).isEqualTo(1));

        SourceReport second = fetcher.fetch(source);

        assertThat(second.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(second.found()).isEqualTo(42);
        assertThat(second.published()).isZero();
        assertThat(second.closed()).isZero();
        assertThat(site.details()).as("no detail read again, published or ignored").isEqualTo(45);
    }

    @Test
    void aPostingGoneFromTheListingIsClosed() {
        RxRadarConfig.Source source = source(PHARMACY_TECHNICIAN);
        fetcher.fetch(source);
        Item removed = item("/job/El-Paso-TX/Senior-Pharmacy-Technician_R10005");
        site.postings.removeIf(p -> p.path("externalPath").asText().endsWith("_R10005"));
        published.clear();

        SourceReport report = fetcher.fetch(source);

        assertThat(report.closed()).isEqualTo(1);
        assertThat(published).singleElement().satisfies(closed -> {
            assertThat(closed.id()).isEqualTo(removed.id());
            assertThat(closed.closed()).isNotNull();
            assertThat(closed.url()).isEqualTo(removed.url());
            assertThat(closed.title()).isEqualTo("Senior Pharmacy Technician");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "malformed"})
    void aListingThatFailsHalfwayClosesNothing(String failure) {
        RxRadarConfig.Source source = source(PHARMACY_TECHNICIAN);
        fetcher.fetch(source);
        published.clear();
        site.postings.removeIf(p -> p.path("externalPath").asText().endsWith("_R10005"));
        site.pageAnswers.put(40, failure.equals("500") ? new Object[] {500, "{\"error\":\"internal\"}"}
                : new Object[] {200, Fixtures.text("workday/jobs-truncated.json")});

        SourceReport report = fetcher.fetch(source);

        assertThat(report.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(report.closed()).isZero();
        assertThat(published).isEmpty();
        assertThat(report.message()).contains("listing read in part, nothing closed").contains("page 3 failed after 40 postings")
                .contains(failure.equals("500") ? "HTTP 500" : "malformed JSON");
    }

    @Test
    void malformedJsonOnTheFirstPageIsTheSourcesError() {
        site.pageAnswers.put(0, new Object[] {200, Fixtures.text("workday/jobs-truncated.json")});

        SourceReport report = fetcher.fetch(source(PHARMACY_TECHNICIAN));

        assertThat(report.status()).isEqualTo(SourceReport.Status.ERROR);
        assertThat(report.message()).startsWith("workday site 'acmerx/Acme_Careers': malformed JSON from " + site.apiUrl())
                .doesNotContain("\n");
        assertThat(published).isEmpty();
    }

    @Test
    void anErrorStatusOnTheFirstPageIsTheSourcesError() {
        site.pageAnswers.put(0, new Object[] {503, "{}"});

        SourceReport report = fetcher.fetch(source(PHARMACY_TECHNICIAN));

        assertThat(report.status()).isEqualTo(SourceReport.Status.ERROR);
        assertThat(report.message()).isEqualTo("HTTP 503 Service Unavailable from POST " + site.apiUrl());
    }

    @Test
    void anEmptyListingIsNoError() throws Exception {
        site.close();
        site = new WorkdaySite("workday/jobs-empty.json");

        SourceReport report = fetcher.fetch(source(PHARMACY_TECHNICIAN));

        assertThat(report.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(report.found()).isZero();
        assertThat(report.message()).isEqualTo("the listing is empty");
        assertThat(site.searches).hasSize(1);
        assertThat(site.details()).isZero();
    }

    @Test
    void aDetailThatFailsIsTriedAgainNextPollAndOneThatIsGoneClosesItsPosting() {
        RxRadarConfig.Source source = source(PHARMACY_TECHNICIAN);
        String failing = "/job/Plano-TX/Pharmacy-Technician_R10006";
        site.detailStatus.put(failing, 500);

        SourceReport first = fetcher.fetch(source);

        assertThat(first.published()).isEqualTo(41);
        assertThat(first.message()).contains("1 posting's details could not be read, tried again next poll")
                .contains("HTTP 500");
        assertThat(published).noneMatch(i -> i.url().endsWith(failing));

        // fixed: read and published; meanwhile another posting's entry changed and its page is gone
        site.detailStatus.remove(failing);
        String gone = "/job/Houston-TX/Certified-Pharmacy-Technician_R10002";
        Item goneItem = item(gone);
        site.postings.replaceAll(p -> p.path("externalPath").asText().equals(gone)
                ? ((ObjectNode) p.deepCopy()).put("locationsText", "Houston, TX (Medical Center)") : p);
        site.detailStatus.put(gone, 404);
        published.clear();

        SourceReport second = fetcher.fetch(source);

        assertThat(second.published()).isEqualTo(1);
        assertThat(second.closed()).isEqualTo(1);
        assertThat(published).anySatisfy(i -> assertThat(i.url()).endsWith(failing));
        assertThat(published).anySatisfy(i -> {
            assertThat(i.id()).isEqualTo(goneItem.id());
            assertThat(i.closed()).isNotNull();
        });
    }

    @Test
    void readsAtMost200DetailsAPollAndTheRestOnTheNext() {
        for (int i = 0; i < 185; i++) {
            site.postings.add(WorkdaySite.entry("Pharmacy Technician", "/job/Mesa-AZ/Pharmacy-Technician_R3" + i, "Mesa, AZ"));
        }
        RxRadarConfig.Source source = source(PHARMACY_TECHNICIAN);

        SourceReport first = fetcher.fetch(source);

        assertThat(site.details()).isEqualTo(200);
        assertThat(first.closed()).isZero();
        assertThat(first.message()).contains("30 new postings left for the next poll");

        SourceReport second = fetcher.fetch(source);

        assertThat(site.details()).isEqualTo(230);
        assertThat(second.closed()).isZero();
        assertThat(first.published() + second.published()).isEqualTo(227);
        assertThat(site.detailRequests.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }

    @Test
    void stopsOnAServerThatRepeatsItsFirstPageWhateverTheOffset() {
        site.repeatFirstPage = true;

        SourceReport report = fetcher.fetch(source(PHARMACY_TECHNICIAN));

        assertThat(report.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(site.searches).hasSize(2);
        assertThat(report.message()).contains("listing read in part").contains("page 2 only repeats postings already read");
        assertThat(report.published()).isEqualTo(18);
    }

    @Test
    void aUrlThatIsNoWorkdaySiteIsAConfigurationProblem() {
        RxRadarConfig.Source source = new RxRadarConfig.Source("acme-workday", "workday", null, "https://careers.example.com/jobs",
                Duration.ofMinutes(5), "Acme Rx", Map.of(), true, null, null, null, null, null, null);

        SourceReport report = fetcher.fetch(source);

        assertThat(report.status()).isEqualTo(SourceReport.Status.CONFIG);
        assertThat(report.message()).contains("is not a Workday career site");
        assertThat(site.searches).isEmpty();
    }

    @Test
    void derivesTheApiFromTheCareerSiteAddress() throws Exception {
        RxRadarConfig.Source source = new RxRadarConfig.Source("cvs", "workday", null,
                "https://cvshealth.wd1.myworkdayjobs.com/en-US/CVS_Health_Careers", Duration.ofMinutes(5), "CVS",
                Map.of(), true, null, null, null, null, null, null);

        WorkdayReader.Site s = WorkdayReader.Site.of(source);

        assertThat(s.list()).hasToString("https://cvshealth.wd1.myworkdayjobs.com/wday/cxs/cvshealth/CVS_Health_Careers/jobs");
        assertThat(s.detail("/job/Austin-TX/Pharmacy-Technician_R1"))
                .hasToString("https://cvshealth.wd1.myworkdayjobs.com/wday/cxs/cvshealth/CVS_Health_Careers/job/Austin-TX/Pharmacy-Technician_R1");
        assertThat(s.publicUrl("/job/Austin TX/Técnico_R1"))
                .isEqualTo("https://cvshealth.wd1.myworkdayjobs.com/en-US/CVS_Health_Careers/job/Austin%20TX/T%C3%A9cnico_R1");

        WorkdayReader.Site noLocale = WorkdayReader.Site.of(source.withApiUrl(null));
        assertThat(WorkdayReader.Site.of(new RxRadarConfig.Source("x", "workday", null,
                "https://acme.wd5.myworkdayjobs.com/External/", Duration.ofMinutes(5), null, Map.of(), true, null, null,
                null, null, null, null)).publicUrl("/job/A_1")).isEqualTo("https://acme.wd5.myworkdayjobs.com/External/job/A_1");
        assertThat(noLocale.label()).isEqualTo("workday site 'cvshealth/CVS_Health_Careers'");
    }

    @Test
    void readsWorkdaysRelativePostedDates() {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        assertThat(WorkdayReader.postedOn("Posted Today", now)).isEqualTo(now);
        assertThat(WorkdayReader.postedOn("Posted Yesterday", now)).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
        assertThat(WorkdayReader.postedOn("Posted 3 Days Ago", now)).isEqualTo(Instant.parse("2026-11-27T12:00:00Z"));
        assertThat(WorkdayReader.postedOn("Posted 30+ Days Ago", now)).isEqualTo(Instant.parse("2026-10-31T12:00:00Z"));
        assertThat(WorkdayReader.postedOn("soon", now)).isNull();
    }
}
