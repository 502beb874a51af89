package org.rxradar.feeds;

import org.rxradar.view.FeedView;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.CalendarComponent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.ops.HealthStatus;
import org.rxradar.web.server.HttpApi;
import org.rxradar.model.Certification;
import org.rxradar.model.Json;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;
import org.rxradar.model.TaggedItem;

/** The read API, the filtered feeds and the events calendar on a real HTTP server. */
class ItemsApiTest {
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final FeedView view = new FeedView();
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    HttpApi api;

    TaggedItem lead(String id, int minutesAgo, String title, Place place, Salary salary) {
        Instant t = now.minusSeconds(60L * minutesAgo);
        return new TaggedItem(1, id, Kind.JOB, "board", "https://jobs.example.com/" + id, title, "Fill prescriptions, count, verify.",
                t, false, t, null, "Mercy, Inc.", place, List.of("hospital"), List.of(), null, null, true, salary,
                List.of(new Certification("PTCB-CPhT", true)), "FULL_TIME", List.of("NIGHT"), null, t);
    }

    TaggedItem story(String id, int minutesAgo, String title, String summary) {
        Instant t = now.minusSeconds(60L * minutesAgo);
        return new TaggedItem(1, id, Kind.NEWS, "Pharmacy Times", "https://news.example.com/" + id, title, summary, t, false,
                t, null, null, null, List.of(), List.of("events"), null, null, true, null, null, null, null, null, t);
    }

    @BeforeEach
    void start() {
        view.put(lead("austin", 10, "Pharmacy Technician II", new Place("Austin, TX", "Austin", "TX", false),
                new Salary(48_500.0, 58_000.0, Salary.Unit.YEAR, "USD")));
        view.put(lead("roundrock", 20, "=HYPERLINK(\"https://evil.example\")", new Place("Round Rock, TX 78664", "Round Rock", "TX", false),
                new Salary(18.5, 22.0, Salary.Unit.HOUR, "USD")));
        view.put(lead("houston", 30, "IV Technician", new Place("Houston, TX", "Houston", "TX", false),
                new Salary(25.0, 30.0, Salary.Unit.HOUR, "USD")));
        view.put(lead("unpaid", 40, "Technician, nights", new Place("Austin, TX", "Austin", "TX", false), null));
        view.put(lead("remote", 50, "Remote billing technician", new Place("Remote", null, null, true),
                new Salary(20.0, 20.0, Salary.Unit.HOUR, "USD")));
        view.put(story("fair", 5, "Hiring fair, March 14, 2027", "Walk-in interviews; bring a résumé."));
        view.put(story("law", 6, "A new law on compounding", "No date here."));
        api = new HttpApi(new RxRadarConfig.Http(0, "127.0.0.1", ""), view, () -> new HealthStatus(true, List.of()),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        api.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void itemsComeNewestFirstWithHourlyPayAndANullNextOnTheLastPage() throws Exception {
        JsonNode page = json("/api/items");
        assertThat(ids(page)).containsExactly("fair", "law", "austin", "roundrock", "houston", "unpaid", "remote");
        assertThat(page.get("next").isNull()).isTrue();
        JsonNode austin = page.get("items").get(2);
        assertThat(austin.get("payPerHour").get("min").decimalValue()).isEqualByComparingTo("23.32");
        assertThat(austin.get("payPerHour").get("max").decimalValue()).isEqualByComparingTo("27.88");
        assertThat(austin.get("payPerHour").get("text").asText()).isEqualTo("$23.32\u2013$27.88/hr ($48,500\u2013$58,000/yr)");
        assertThat(austin.get("location").get("city").asText()).isEqualTo("Austin");
        assertThat(austin.get("salary").get("unit").asText()).isEqualTo("YEAR");
    }

    @Test
    void theCursorWalksEveryItemOnceEvenAsNewItemsArrive() throws Exception {
        List<String> seen = new ArrayList<>();
        JsonNode page = json("/api/items?limit=2");
        seen.addAll(ids(page));
        view.put(story("late", 0, "Arrived while paging", "x")); // newer than the cursor: not in the next pages
        while (!page.get("next").isNull()) {
            page = json("/api/items?limit=2&cursor=" + page.get("next").asText());
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            seen.addAll(ids(page));
        }
        assertThat(seen).containsExactly("fair", "law", "austin", "roundrock", "houston", "unpaid", "remote");
    }

    @Test
    void filtersCombine() throws Exception {
        assertThat(ids(json("/api/items?kind=job&min-pay=22"))).containsExactly("austin", "roundrock", "houston", "unpaid");
        assertThat(ids(json("/api/items?kind=job&min-pay=22&include-unpaid=false"))).containsExactly("austin", "roundrock", "houston");
        JsonNode near = json("/api/items?kind=job&near=78701&radius=30");
        assertThat(ids(near)).containsExactly("austin", "roundrock", "unpaid");
        assertThat(near.get("items").get(1).get("distanceMiles").asLong()).isBetween(10L, 30L);
        assertThat(ids(json("/api/items?kind=job&near=78701&radius=30&remote=true"))).containsExactly("austin", "roundrock", "unpaid", "remote");
        assertThat(ids(json("/api/items?near=78701&radius=30&min-pay=23&include-unpaid=false"))).containsExactly("fair", "law", "austin");
        assertThat(ids(json("/api/items?q=technician%2C+nights"))).containsExactly("unpaid");
        assertThat(ids(json("/api/items?q=IV"))).containsExactly("houston");
        assertThat(ids(json("/api/items?topics=events&kind=news"))).containsExactly("fair", "law");
        assertThat(ids(json("/api/items?states=tx&since=" + now.minusSeconds(60 * 25)))).containsExactly("austin", "roundrock");
    }

    @Test
    void badQueriesAre400NamingTheParameter() throws Exception {
        assertBad("/api/items?near=99999", "near: '99999' is not a known US ZIP code");
        assertBad("/api/items?near=78701&radius=0", "radius:");
        assertBad("/api/items?near=78701&radius=600", "radius:");
        assertBad("/api/items?radius=10", "radius: needs near");
        assertBad("/api/items?min-pay=-1", "min-pay:");
        assertBad("/api/items?min-pay=lots", "min-pay:");
        assertBad("/api/items?cursor=bm9wZQ", "cursor:");
        assertBad("/api/items?limit=501", "limit:");
        assertBad("/api/items?limit=ten", "limit:");
        assertBad("/api/items?since=yesterday", "since:");
        assertBad("/api/items?kind=pets", "kind:");
        assertBad("/api/items?colour=red", "colour:");
        assertBad("/api/items.csv?kind=news", "kind:");
        assertBad("/feeds/jobs.atom?near=00000", "near:");
    }

    @Test
    void csvHasOneRowPerLeadWithTheDocumentedColumnsAndNoFormulas() throws Exception {
        HttpResponse<String> r = get("/api/items.csv?limit=3");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(r.body()).contains("\r\n");
        List<CSVRecord> rows;
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(r.body()))) {
            assertThat(p.getHeaderNames()).containsExactlyElementsOf(ItemsCsv.COLUMNS);
            rows = p.getRecords();
        }
        assertThat(rows).extracting(x -> x.get("city")).containsExactly("Austin", "Round Rock", "Houston");
        CSVRecord austin = rows.get(0);
        assertThat(austin.get("title")).isEqualTo("Pharmacy Technician II");
        assertThat(austin.get("employer")).isEqualTo("Mercy, Inc.");
        assertThat(austin.get("state")).isEqualTo("TX");
        assertThat(austin.get("remote")).isEqualTo("false");
        assertThat(austin.get("pay_per_hour_min")).isEqualTo("23.32");
        assertThat(austin.get("pay_per_hour_max")).isEqualTo("27.88");
        assertThat(austin.get("published_pay")).isEqualTo("$23.32\u2013$27.88/hr ($48,500\u2013$58,000/yr)");
        assertThat(austin.get("certifications")).contains("(required)");
        assertThat(austin.get("shift")).isNotEmpty();
        assertThat(austin.get("employment")).isNotEmpty();
        assertThat(Instant.parse(austin.get("posted"))).isEqualTo(now.minusSeconds(600));
        assertThat(austin.get("link")).isEqualTo("https://jobs.example.com/austin");
        assertThat(rows.get(1).get("title")).isEqualTo("'=HYPERLINK(\"https://evil.example\")");
        // more leads than the limit: the next page is linked
        assertThat(r.headers().firstValue("Link").orElseThrow()).contains("rel=\"next\"", "limit=3", "cursor=");
    }

    @Test
    void feedsTakeTheSameFilters() throws Exception {
        HttpResponse<String> r = get("/feeds/jobs.atom?min-pay=22&include-unpaid=false&near=78701&radius=30");
        assertThat(r.statusCode()).isEqualTo(200);
        List<SyndEntry> entries = FeedWriterTest.parse(r.body().getBytes(StandardCharsets.UTF_8)).getEntries();
        assertThat(entries).extracting(SyndEntry::getUri).containsExactly("urn:rxradar:item:austin", "urn:rxradar:item:roundrock");
        assertThat(entries.get(0).getContents().get(0).getValue()).contains("$23.32\u2013$27.88/hr ($48,500\u2013$58,000/yr)");
    }

    @Test
    void theOpenApiDocumentIsJsonDescribingTheRoutes() throws Exception {
        JsonNode doc = json("/api/openapi.json");
        assertThat(doc.get("openapi").asText()).startsWith("3.0");
        assertThat(doc.get("paths").has("/api/items")).isTrue();
        assertThat(doc.get("paths").has("/api/items.csv")).isTrue();
        List<String> params = new ArrayList<>();
        doc.get("components").get("parameters").forEach(p -> params.add(p.get("name").asText()));
        assertThat(params).containsAll(ApiQuery.PARAMETERS);
    }

    @Test
    void theEventsCalendarHasTheDatedStoryOnly() throws Exception {
        HttpResponse<String> r = get("/feeds/topics/events.ics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
        Calendar c = new CalendarBuilder().build(new StringReader(r.body()));
        assertThat(c.validate().hasErrors()).isFalse();
        List<CalendarComponent> events = c.getComponents();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getPropertyList().getProperty("UID").orElseThrow().getValue()).isEqualTo("fair@rxradar");
        assertThat(events.get(0).getPropertyList().getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20270314");
        // the topic's Atom feed is still served beside it
        assertThat(get("/feeds/topics/events.atom").statusCode()).isEqualTo(200);
    }

    private void assertBad(String path, String expected) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(400);
        assertThat(r.body()).as(path).contains(expected).endsWith("\n");
        assertThat(r.body().strip()).as(path + " is one line").doesNotContain("\n");
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
