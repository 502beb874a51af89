package org.rxradar.fetch.ats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.TestServer;
import org.rxradar.model.Item;
import org.rxradar.model.Salary;

class UsaJobsReaderTest {
    static final String KEY = "k3y-Secret-0123456789abcdef=";
    private final TestServer server = new TestServer();
    /** What the server received: the query parameters and the headers of each request. */
    private final List<Map<String, String>> queries = new CopyOnWriteArrayList<>();
    private final List<com.sun.net.httpserver.Headers> headers = new CopyOnWriteArrayList<>();
    private final Map<String, String> fixtures = new java.util.concurrent.ConcurrentHashMap<>(Map.of(
            "pharmacy technician/1", "technician-page1.json",
            "pharmacy technician/2", "technician-page2.json",
            "pharmacy tech/1", "tech-page1.json"));

    UsaJobsReaderTest() throws Exception {
        server.on("/api/search", this::answer);
    }

    // answers by Keyword and Page; a missing fixture is an empty result
    private void answer(HttpExchange ex) throws java.io.IOException {
        Map<String, String> q = Fixtures.query(ex.getRequestURI().getRawQuery());
        queries.add(q);
        headers.add(ex.getRequestHeaders());
        String fixture = fixtures.getOrDefault(q.get("Keyword") + "/" + q.get("Page"), "empty.json");
        if (fixture.startsWith("HTTP ")) {
            TestServer.send(ex, Integer.parseInt(fixture.substring(5)), "text/plain", "no".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] body = fixture.startsWith("{") ? fixture.getBytes(StandardCharsets.UTF_8)
                : Fixtures.read("usajobs/" + fixture).getBytes(StandardCharsets.UTF_8);
        TestServer.send(ex, 200, "application/json", body);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RxRadarConfig.Source source(List<String> search, String apiKey, String email) {
        return Fixtures.source("usa", "usajobs", "https://www.usajobs.gov/", "USAJOBS", server.url("/api/search").toString(),
                search, apiKey, email);
    }

    private Listing read(List<String> search) throws FetchException {
        return new UsaJobsReader(name -> null).read(source(search, KEY, "rx@example.org"), Fixtures.client("usa"));
    }

    private static Map<String, Item> byTitle(Listing listing) {
        return listing.items().stream().collect(Collectors.toMap(Item::title, Function.identity()));
    }

    @Test
    void readsEveryPageOfAPhrase() throws Exception {
        Listing listing = read(List.of("pharmacy technician"));

        assertThat(queries).extracting(q -> q.get("Page")).containsExactly("1", "2");
        assertThat(queries).allSatisfy(q -> {
            assertThat(q).containsEntry("Keyword", "pharmacy technician").containsEntry("ResultsPerPage", "500");
        });
        assertThat(listing.complete()).isTrue();
        assertThat(listing.listed()).hasSize(4);
        // the police officer names no phrase; the supply technician names one in its major duties only
        assertThat(byTitle(listing)).containsOnlyKeys("Pharmacy Technician", "Pharmacy Technician (Intermittent)",
                "Medical Supply Technician (Sterile Processing)");
        assertThat(listing.ignored()).hasSize(1);
    }

    @Test
    void fillsPayUnitPlaceEmployerDatesAndSchedule() throws Exception {
        Map<String, Item> items = byTitle(read(List.of("pharmacy technician")));

        Item houston = items.get("Pharmacy Technician");
        assertThat(houston.url()).isEqualTo("https://www.usajobs.gov:443/job/870001");
        assertThat(houston.employer()).isEqualTo("Veterans Health Administration");
        assertThat(houston.location()).isEqualTo("Houston, Texas");
        assertThat(houston.posting().place().city()).isEqualTo("Houston");
        assertThat(houston.posting().place().state()).isEqualTo("TX");
        assertThat(houston.posting().salary()).isEqualTo(new Salary(43106.0, 56039.0, Salary.Unit.YEAR, "USD"));
        assertThat(houston.posting().employment()).isEqualTo("FULL_TIME");
        assertThat(houston.published()).isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
        assertThat(houston.posting().validThrough()).isEqualTo(Instant.parse("2040-01-16T23:59:59.997Z"));
        assertThat(houston.posting().identifier()).isEqualTo("VHA-26-HOU-0001");
        assertThat(houston.summary()).contains("outpatient pharmacy")
                .contains("Prepares medications for dispensing under pharmacist supervision.");

        Item gallup = items.get("Pharmacy Technician (Intermittent)");
        assertThat(gallup.posting().salary()).isEqualTo(new Salary(20.15, 26.19, Salary.Unit.HOUR, "USD"));
        assertThat(gallup.posting().place().state()).isEqualTo("NM");
        assertThat(gallup.posting().employment()).isEqualTo("Intermittent"); // no model word for it: the platform's
        assertThat(gallup.summary()).contains("inventory & stock levels").doesNotContain("&amp;");

        Item aurora = items.get("Medical Supply Technician (Sterile Processing)");
        assertThat(aurora.posting().salary().unit()).isEqualTo(Salary.Unit.YEAR); // "Per Year", the older form
        assertThat(aurora.posting().place().city()).isEqualTo("Aurora");
        assertThat(aurora.posting().place().state()).isEqualTo("CO");
        assertThat(aurora.posting().employment()).isEqualTo("FULL_TIME");
    }

    @Test
    void searchesEveryPhraseAndUnitesThePostingsByPositionId() throws Exception {
        Listing listing = read(Fixtures.TECH_SEARCH);

        assertThat(queries).extracting(q -> q.get("Keyword") + "/" + q.get("Page"))
                .containsExactly("pharmacy technician/1", "pharmacy technician/2", "pharmacy tech/1");
        assertThat(listing.listed()).hasSize(6); // the Houston posting is in both searches
        assertThat(listing.items()).extracting(Item::title).doesNotHaveDuplicates()
                .contains("Lead Pharmacy Tech", "Pharmacy Technician (Prior Authorization)");
        Item remote = byTitle(listing).get("Pharmacy Technician (Prior Authorization)");
        assertThat(remote.posting().place().remote()).isTrue();
        assertThat(remote.posting().place().state()).isNull();
        assertThat(byTitle(listing).get("Lead Pharmacy Tech").posting().employment()).isEqualTo("PART_TIME");
    }

    @Test
    void sendsTheKeyAndTheEmailAsHeadersAndNothingInTheUrl() throws Exception {
        read(List.of("pharmacy technician"));
        assertThat(headers).isNotEmpty().allSatisfy(h -> {
            assertThat(h.getFirst("Authorization-Key")).isEqualTo(KEY);
            assertThat(h.getFirst("User-Agent")).isEqualTo("rx@example.org");
            assertThat(h.getFirst("Host")).isEqualTo("127.0.0.1:" + server.url("/").getPort());
        });
        assertThat(queries).allSatisfy(q -> assertThat(q.toString()).doesNotContain(KEY));
    }

    @Test
    void withoutAnEmailTheConfiguredUserAgentGoesOut() throws Exception {
        new UsaJobsReader(name -> null).read(source(List.of("pharmacy technician"), KEY, null), Fixtures.client("usa"));
        assertThat(headers).isNotEmpty().allSatisfy(h -> assertThat(h.getFirst("User-Agent")).isEqualTo("RxRadar-test/0.1"));
    }

    @Test
    void theKeyComesFromTheEnvironmentWhenTheSourceHasNone() throws Exception {
        Map<String, String> env = Map.of(RxRadarConfig.Source.USAJOBS_KEY_ENV, "from-the-environment");
        new UsaJobsReader(env::get).read(source(List.of("pharmacy technician"), null, null), Fixtures.client("usa"));
        assertThat(headers).isNotEmpty().allSatisfy(h -> assertThat(h.getFirst("Authorization-Key")).isEqualTo("from-the-environment"));
    }

    @Test
    void withoutAnyKeyTheSourceIsMisconfiguredAndNothingIsRequested() {
        assertThatThrownBy(() -> new UsaJobsReader(name -> " ").read(source(List.of("pharmacy technician"), null, null),
                Fixtures.client("usa")))
                .isInstanceOf(SourceConfigException.class)
                .hasMessageContaining("api-key")
                .hasMessageContaining("RXRADAR_USAJOBS_API_KEY")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(server.requests).hasValue(0);
    }

    @Test
    void anErrorOnPageTwoKeepsPageOneAndClosesNothing() throws Exception {
        fixtures.put("pharmacy technician/2", "HTTP 503");
        Listing listing = read(Fixtures.TECH_SEARCH);

        assertThat(listing.complete()).isFalse();
        assertThat(listing.items()).extracting(Item::title)
                .containsExactlyInAnyOrder("Pharmacy Technician", "Pharmacy Technician (Intermittent)");
        assertThat(listing.notice()).startsWith("listing read in part, nothing closed: 'pharmacy technician' page 2: HTTP 503")
                .doesNotContain(KEY);
        assertThat(queries).hasSize(2); // the next phrase waits for the next poll
    }

    @Test
    void anErrorOnTheFirstRequestIsThrown() {
        fixtures.put("pharmacy technician/1", "HTTP 500");
        assertThatThrownBy(() -> read(Fixtures.TECH_SEARCH))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(500))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    }

    @Test
    void malformedJsonOnTheFirstPageIsAReadableError() {
        fixtures.put("pharmacy technician/1", "{\"SearchResult\": {\"SearchResultItems\": [");
        assertThatThrownBy(() -> read(Fixtures.TECH_SEARCH))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("usajobs source 'usa': malformed JSON from http://127.0.0.1:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(KEY));
    }

    @Test
    void aServerThatCountsMorePagesThanItGivesIsNotFollowedForever() throws Exception {
        fixtures.put("pharmacy technician/1", Fixtures.read("usajobs/technician-page1.json").replace("\"NumberOfPages\": \"2\"",
                "\"NumberOfPages\": \"400\""));
        fixtures.put("pharmacy technician/2", Fixtures.read("usajobs/empty.json"));
        Listing listing = read(List.of("pharmacy technician"));

        assertThat(queries).hasSize(2);
        assertThat(listing.complete()).isFalse();
        assertThat(listing.notice()).contains("has 400 pages, read the first 20").contains("'pharmacy technician' page 2 holds 0 postings");
        assertThat(listing.items()).hasSize(2);
    }

    @Test
    void anEmptyResultIsACompleteEmptyListing() throws Exception {
        fixtures.clear();
        Listing listing = read(Fixtures.TECH_SEARCH);
        assertThat(queries).hasSize(2); // one page per phrase
        assertThat(listing.complete()).isTrue();
        assertThat(listing.items()).isEmpty();
        assertThat(listing.notice()).isEqualTo("the listing is empty");
    }
}
