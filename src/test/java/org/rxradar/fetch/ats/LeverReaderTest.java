package org.rxradar.fetch.ats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
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

class LeverReaderTest {
    private static final String SITE = "https://jobs.lever.co/brightwater-pharmacy";
    private final TestServer server = new TestServer();

    LeverReaderTest() throws Exception {}

    @AfterEach
    void stop() {
        server.close();
    }

    private Listing read(String fixture, String name) throws FetchException {
        server.serve("/v0/postings/brightwater-pharmacy", "application/json", Fixtures.read("lever/" + fixture));
        RxRadarConfig.Source source = Fixtures.source("lv", "lever", SITE, name,
                server.url("/v0/postings/brightwater-pharmacy?mode=json").toString(), Fixtures.TECH_SEARCH, null, null);
        return new LeverReader().read(source, Fixtures.client("lv"));
    }

    private static Map<String, Item> byTitle(Listing listing) {
        return listing.items().stream().collect(Collectors.toMap(Item::title, Function.identity()));
    }

    @Test
    void pharmacyPostingsAreKeptWithPayUnitPlaceAndEmployment() throws Exception {
        Listing listing = read("postings.json", "Brightwater Pharmacy");

        assertThat(listing.complete()).isTrue();
        assertThat(listing.listed()).hasSize(3);
        assertThat(byTitle(listing)).containsOnlyKeys("Pharmacy Technician (Part-Time)", "Dispensing Quality Analyst");
        assertThat(listing.ignored()).hasSize(1); // the account executive

        Item tech = byTitle(listing).get("Pharmacy Technician (Part-Time)");
        assertThat(tech.url()).isEqualTo("https://jobs.lever.co/brightwater-pharmacy/7f3c2a10-5b1e-4c8e-9d2a-0a1b2c3d4e01");
        assertThat(tech.employer()).isEqualTo("Brightwater Pharmacy");
        assertThat(tech.published()).isEqualTo(Instant.ofEpochMilli(1795525200000L));
        assertThat(tech.posting().place().city()).isEqualTo("Austin");
        assertThat(tech.posting().place().state()).isEqualTo("TX");
        assertThat(tech.posting().place().remote()).isFalse();
        assertThat(tech.posting().salary()).isEqualTo(new Salary(18.0, 22.5, Salary.Unit.HOUR, "USD"));
        assertThat(tech.posting().employment()).isEqualTo("PART_TIME");

        Item analyst = byTitle(listing).get("Dispensing Quality Analyst");
        assertThat(analyst.posting().salary()).isEqualTo(new Salary(52000.0, 61000.0, Salary.Unit.YEAR, "USD"));
        assertThat(analyst.posting().place().remote()).isTrue();
        assertThat(analyst.posting().employment()).isEqualTo("FULL_TIME");
    }

    @Test
    void theDescriptionJoinsItsListsAndClosingAsCleanText() throws Exception {
        Item tech = byTitle(read("postings.json", null)).get("Pharmacy Technician (Part-Time)");
        assertThat(tech.summary())
                .startsWith("Join our neighborhood pharmacy team as a Pharmacy Technician. You will fill prescriptions & help patients")
                .contains("— evenings and weekends")
                .contains("What you will do Count, pour & label medications Process insurance claims")
                .contains("CPhT a plus")
                .endsWith("We welcome applicants of every background.")
                .doesNotContain("&amp;", "&nbsp;", "&mdash;", "<li>", "<div>", "\u00a0");
    }

    @Test
    void aMatchInAListOnlyIsKeptAndTheEmployerFallsBackToTheCompany() throws Exception {
        Item analyst = byTitle(read("postings.json", null)).get("Dispensing Quality Analyst");
        assertThat(analyst.summary()).contains("certified pharmacy technician");
        assertThat(analyst.employer()).isEqualTo("brightwater-pharmacy");
    }

    @Test
    void anEmptySiteIsACompleteEmptyListing() throws Exception {
        Listing listing = read("postings-empty.json", null);
        assertThat(listing.items()).isEmpty();
        assertThat(listing.complete()).isTrue();
        assertThat(listing.notice()).isEqualTo("the listing is empty");
    }

    @Test
    void anErrorObjectInsteadOfAListSaysWhatTheApiSaid() {
        server.serve("/v0/postings/brightwater-pharmacy", "application/json", Fixtures.read("lever/not-found.json"));
        RxRadarConfig.Source source = Fixtures.source("lv", "lever", SITE, null,
                server.url("/v0/postings/brightwater-pharmacy?mode=json").toString(), Fixtures.TECH_SEARCH, null, null);
        assertThatThrownBy(() -> new LeverReader().read(source, Fixtures.client("lv")))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("lever company 'brightwater-pharmacy': the answer from http://127.0.0.1:")
                .hasMessageEndingWith("is not a list of postings (the API says: Document not found)");
    }

    @Test
    void aNotFoundAnswerIsAnHttpStatus() {
        server.on("/v0/postings/brightwater-pharmacy", ex -> TestServer.send(ex, 404, "application/json",
                Fixtures.read("lever/not-found.json").getBytes()));
        RxRadarConfig.Source source = Fixtures.source("lv", "lever", SITE, null,
                server.url("/v0/postings/brightwater-pharmacy?mode=json").toString(), Fixtures.TECH_SEARCH, null, null);
        assertThatThrownBy(() -> new LeverReader().read(source, Fixtures.client("lv")))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> assertThat(e.gone()).isTrue());
    }

    @Test
    void companyFromSiteUrls() {
        assertThat(LeverReader.company(URI.create("https://jobs.lever.co/brightwater-pharmacy"))).isEqualTo("brightwater-pharmacy");
        assertThat(LeverReader.company(URI.create("https://jobs.lever.co/brightwater-pharmacy/7f3c2a10"))).isEqualTo("brightwater-pharmacy");
        assertThat(LeverReader.company(URI.create("https://api.lever.co/v0/postings/brightwater-pharmacy"))).isEqualTo("brightwater-pharmacy");
        assertThat(LeverReader.company(URI.create("https://jobs.lever.co/"))).isNull();
    }
}
