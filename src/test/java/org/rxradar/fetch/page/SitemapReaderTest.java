package org.rxradar.fetch.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.rxradar.model.ItemIds;
import org.rxradar.model.Kind;
import org.rxradar.model.Salary;

/** {@code type: sitemap} end to end through the fetch stage, against a real local HTTP server. */
class SitemapReaderTest {
    private static final String FRESNO = "/careers/jobs/pharmacy-technician-fresno-1042";
    private static final String SACRAMENTO = "/careers/jobs/cpht-sacramento-1043";
    private static final String RENO = "/careers/jobs/pharmacy-tech-trainee-reno-1044";

    @TempDir
    Path dir;
    private TestServer server;
    private SourceFetcher fetcher;
    private final List<Item> published = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = new TestServer();
        RxRadarConfig.Fetch cfg = FetchConfigs.small(dir.toString());
        fetcher = new SourceFetcher(cfg, new HttpFetcher(cfg), new FetchStateStore(dir), published::add);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void threeJobPagesBecomeThreeLeadsWithTheirFields() throws IOException {
        serveXml("/sitemap.xml", fixture("sitemap.xml"));
        serveJobPages();
        servePage("/about-us", "careers-benefits.html");

        SourceReport report = fetcher.fetch(source("/sitemap.xml", null, null));

        assertThat(report.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(report.found()).isEqualTo(3);
        assertThat(report.published()).isEqualTo(3);
        assertThat(published).extracting(Item::url).containsExactlyInAnyOrder(url(FRESNO), url(SACRAMENTO), url(RENO));
        assertThat(hits("/about-us")).as("not a job page: not requested").isZero();

        Item fresno = lead(FRESNO);
        assertThat(fresno.id()).isEqualTo(ItemIds.forUrl(url(FRESNO)));
        assertThat(fresno.kind()).isEqualTo(Kind.JOB);
        assertThat(fresno.source()).isEqualTo("sierra-foothill");
        assertThat(fresno.title()).isEqualTo("Pharmacy Technician");
        assertThat(fresno.employer()).isEqualTo("Sierra Foothill Health");
        assertThat(fresno.location()).isEqualTo("Fresno, CA 93726");
        assertThat(fresno.published()).isEqualTo(Instant.parse("2025-03-10T00:00:00Z"));
        assertThat(fresno.summary()).contains("Fill and label prescriptions");
        assertThat(fresno.posting().salary()).isEqualTo(new Salary(21.5, 26.0, Salary.Unit.HOUR, "USD"));
        assertThat(fresno.posting().place().city()).isEqualTo("Fresno");
        assertThat(fresno.posting().place().state()).isEqualTo("CA");
        assertThat(fresno.posting().employment()).isEqualTo("FULL_TIME");
        assertThat(fresno.posting().identifier()).isEqualTo("SFH-1042");

        // its JSON-LD names the apply form on another site: the lead is the page the sitemap lists
        Item sacramento = lead(SACRAMENTO);
        assertThat(sacramento.id()).isEqualTo(ItemIds.forUrl(url(SACRAMENTO)));
        assertThat(sacramento.title()).isEqualTo("Certified Pharmacy Technician (CPhT)");
        assertThat(sacramento.location()).isEqualTo("Sacramento, CA");
        assertThat(sacramento.published()).isEqualTo(Instant.parse("2025-03-11T15:00:00Z"));
        assertThat(sacramento.posting().salary()).isEqualTo(new Salary(52000.0, 61000.0, Salary.Unit.YEAR, "USD"));

        // microdata rather than JSON-LD
        Item reno = lead(RENO);
        assertThat(reno.employer()).isEqualTo("Sierra Foothill Health");
        assertThat(reno.posting().place().state()).isEqualTo("NV");
        assertThat(reno.published()).isEqualTo(Instant.parse("2025-03-12T00:00:00Z"));
        assertThat(reno.posting().salary()).isEqualTo(new Salary(18.0, 19.5, Salary.Unit.HOUR, "USD"));
    }

    @Test
    void unchangedPagesAreNotRequestedAgain() throws IOException {
        serveXml("/sitemap.xml", fixture("sitemap.xml"));
        serveJobPages();
        fetcher.fetch(source("/sitemap.xml", null, null));

        SourceReport second = fetcher.fetch(source("/sitemap.xml", null, null));

        assertThat(second.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(second.found()).isEqualTo(3);
        assertThat(second.published()).isZero();
        assertThat(hits(FRESNO) + hits(SACRAMENTO) + hits(RENO)).isEqualTo(3);
    }

    @Test
    void includeChoosesWhichUrlsAreJobPages() throws IOException {
        serveXml("/sitemap.xml", fixture("sitemap.xml"));
        serveJobPages();

        SourceReport report = fetcher.fetch(source("/sitemap.xml", "/careers/jobs/.*-(fresno|reno)-", null));

        assertThat(report.published()).isEqualTo(2);
        assertThat(published).extracting(Item::url).containsExactlyInAnyOrder(url(FRESNO), url(RENO));
        assertThat(hits(SACRAMENTO)).isZero();
    }

    @Test
    void anIncludeNothingMatchesSaysSo() throws IOException {
        serveXml("/sitemap.xml", fixture("sitemap.xml"));

        SourceReport report = fetcher.fetch(source("/sitemap.xml", "/vacancies/", null));

        assertThat(report.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(report.message()).isEqualTo("none of the 6 URLs in the sitemap matches include '/vacancies/'");
    }

    @Test
    void sitemapIndexWithTwoChildren() throws IOException {
        serveXml("/sitemap_index.xml", fixture("index.xml"));
        serveXml("/sitemaps/jobs-california.xml", fixture("jobs-california.xml"));
        serveXml("/sitemaps/jobs-nevada.xml", fixture("jobs-nevada.xml"));
        serveJobPages();

        SourceReport report = fetcher.fetch(source("/sitemap_index.xml", null, null));

        assertThat(report.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(report.published()).isEqualTo(3);
        assertThat(published).extracting(Item::url).containsExactlyInAnyOrder(url(FRESNO), url(SACRAMENTO), url(RENO));
    }

    @Test
    void gzipSitemapsWhateverTheirContentType() throws IOException {
        byte[] gz = SitemapParserTest.gzip(fixture("sitemap.xml"));
        server.on("/sitemap.xml.gz", ex -> TestServer.send(ex, 200, "application/x-gzip", gz));
        server.on("/sitemap-jobs.xml", ex -> TestServer.send(ex, 200, "text/xml; charset=utf-8", gz));
        server.on("/encoded.xml.gz", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip"); // inflated by the HTTP client already
            TestServer.send(ex, 200, "application/xml", gz);
        });
        serveJobPages();

        for (String path : List.of("/sitemap.xml.gz", "/sitemap-jobs.xml", "/encoded.xml.gz")) {
            SourceReport report = fetcher.fetch(source("gz" + path.hashCode(), path, null, null));
            assertThat(report.status()).as(path).isEqualTo(SourceReport.Status.OK);
            assertThat(report.found()).as(path).isEqualTo(3);
        }
    }

    /**
     * 50,000 job URLs in one gzip sitemap served from memory, max-pages 10: the ten newest pages are
     * read in the first poll and the next ten in the second, and none of the rest is closed.
     */
    @Test
    void fiftyThousandUrlsAreReadTenPagesPerPollNewestFirst() throws IOException {
        int total = 50_000;
        StringBuilder xml = new StringBuilder(total * 110).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        Instant first = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < total; i++) {
            xml.append("<url><loc>").append(url("/jobs/" + i)).append("</loc><lastmod>")
                    .append(first.plusSeconds(60L * i)).append("</lastmod></url>\n");
        }
        byte[] gz = SitemapParserTest.gzip(xml.append("</urlset>\n").toString());
        server.on("/sitemap-jobs.xml.gz", ex -> TestServer.send(ex, 200, "application/octet-stream", gz));
        Set<String> requested = ConcurrentHashMap.newKeySet();
        AtomicInteger pageRequests = new AtomicInteger();
        server.on("/jobs/", ex -> {
            pageRequests.incrementAndGet();
            String path = ex.getRequestURI().getPath();
            requested.add(path);
            TestServer.send(ex, 200, "text/html; charset=utf-8", generatedPosting(path).getBytes(StandardCharsets.UTF_8));
        });
        RxRadarConfig.Source source = source("/sitemap-jobs.xml.gz", null, 10);

        SourceReport first10 = fetcher.fetch(source);

        assertThat(first10.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(pageRequests.get()).isEqualTo(10);
        assertThat(requested).containsExactlyInAnyOrderElementsOf(paths(total - 10, total));
        assertThat(first10.published()).isEqualTo(10);
        assertThat(first10.message()).isEqualTo((total - 10) + " job pages left for the next polls");

        SourceReport next10 = fetcher.fetch(source);

        assertThat(pageRequests.get()).isEqualTo(20);
        assertThat(requested).containsExactlyInAnyOrderElementsOf(paths(total - 20, total));
        assertThat(next10.published()).isEqualTo(10);
        assertThat(next10.found()).isEqualTo(20);
        assertThat(next10.closed()).isZero();
        assertThat(next10.message()).isEqualTo((total - 20) + " job pages left for the next polls");
    }

    @Test
    void aPageWithoutJobPostingIsReadOnceAcrossTwoPolls() throws IOException {
        serveXml("/sitemap.xml", urlset(FRESNO, "2025-03-10", "/careers/benefits", "2025-01-15"));
        serveJobPages();
        servePage("/careers/benefits", "careers-benefits.html");

        SourceReport first = fetcher.fetch(source("/sitemap.xml", null, null));
        SourceReport second = fetcher.fetch(source("/sitemap.xml", null, null));

        assertThat(hits("/careers/benefits")).isEqualTo(1);
        assertThat(first.published()).isEqualTo(1);
        assertThat(first.message()).isEqualTo("1 job pages hold no schema.org JobPosting (not read again until their lastmod changes)");
        assertThat(second.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(second.published()).isZero();
    }

    @Test
    void postingsForOtherProfessionsAreFilteredOutBySearch() throws IOException {
        String nurse = "/careers/jobs/registered-nurse-fresno-1050";
        serveXml("/sitemap.xml", urlset(FRESNO, "2025-03-10", nurse, "2025-03-09"));
        serveJobPages();
        servePage(nurse, "registered-nurse-fresno-1050.html");

        SourceReport first = fetcher.fetch(source("/sitemap.xml", null, null));
        fetcher.fetch(source("/sitemap.xml", null, null));

        assertThat(first.published()).isEqualTo(1);
        assertThat(published).extracting(Item::title).containsExactly("Pharmacy Technician");
        assertThat(hits(nurse)).as("ignored, not read again").isEqualTo(1);
    }

    @Test
    void aUrlRemovedFromTheSitemapClosesItsPosting() throws IOException {
        AtomicReference<String> sitemap = new AtomicReference<>(urlset(FRESNO, "2025-03-10", RENO, "2025-03-12"));
        serveXml("/sitemap.xml", sitemap::get);
        serveJobPages();
        RxRadarConfig.Source source = source("/sitemap.xml", null, null);
        assertThat(fetcher.fetch(source).published()).isEqualTo(2);
        assertThat(fetcher.fetch(source).published()).isZero(); // unchanged, pages not read again

        sitemap.set(urlset(RENO, "2025-03-12"));
        SourceReport report = fetcher.fetch(source);

        assertThat(report.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(report.closed()).isEqualTo(1);
        Item closed = published.get(published.size() - 1);
        assertThat(closed.closed()).isNotNull();
        assertThat(closed.id()).isEqualTo(ItemIds.forUrl(url(FRESNO)));
        assertThat(closed.url()).isEqualTo(url(FRESNO));
        // the title read two polls before, though the last poll knew the page by its URL only
        assertThat(closed.title()).isEqualTo("Pharmacy Technician");
        assertThat(hits(FRESNO)).isEqualTo(1);
    }

    @Test
    void aPageAnswering410IsClosed() throws IOException {
        AtomicReference<String> sitemap = new AtomicReference<>(urlset(FRESNO, "2025-03-10"));
        AtomicInteger status = new AtomicInteger(200);
        serveXml("/sitemap.xml", sitemap::get);
        byte[] page = fixture("pharmacy-technician-fresno-1042.html").getBytes(StandardCharsets.UTF_8);
        server.on(FRESNO, ex -> {
            hit(FRESNO);
            TestServer.send(ex, status.get(), "text/html", status.get() == 200 ? page : null);
        });
        RxRadarConfig.Source source = source("/sitemap.xml", null, null);
        assertThat(fetcher.fetch(source).published()).isEqualTo(1);

        sitemap.set(urlset(FRESNO, "2025-03-20"));
        status.set(410);
        SourceReport report = fetcher.fetch(source);

        assertThat(report.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(report.closed()).isEqualTo(1);
        assertThat(published.get(published.size() - 1).closed()).isNotNull();
        assertThat(published.get(published.size() - 1).url()).isEqualTo(url(FRESNO));

        // still listed, same lastmod: not asked again
        fetcher.fetch(source);
        assertThat(hits(FRESNO)).isEqualTo(2);
    }

    @Test
    void aPageWhosePostingExpiredIsClosed() throws IOException {
        AtomicReference<String> sitemap = new AtomicReference<>(urlset(FRESNO, "2025-03-10"));
        AtomicReference<String> page = new AtomicReference<>(fixture("pharmacy-technician-fresno-1042.html"));
        serveXml("/sitemap.xml", sitemap::get);
        server.on(FRESNO, ex -> TestServer.send(ex, 200, "text/html", page.get().getBytes(StandardCharsets.UTF_8)));
        RxRadarConfig.Source source = source("/sitemap.xml", null, null);
        assertThat(fetcher.fetch(source).published()).isEqualTo(1);

        sitemap.set(urlset(FRESNO, "2025-03-21"));
        page.set(fixture("expired-pharmacy-technician.html"));
        SourceReport report = fetcher.fetch(source);

        assertThat(report.closed()).isEqualTo(1);
        assertThat(report.message()).contains("1 job pages hold only expired JobPostings");
        assertThat(published.get(published.size() - 1).closed()).isNotNull();
    }

    @Test
    void aBillionLaughsSitemapIsAnErrorWithAReadableMessage() throws IOException {
        serveXml("/sitemap.xml", fixture("hostile-billion-laughs.xml"));

        SourceReport report = fetcher.fetch(source("/sitemap.xml", null, null));

        assertThat(report.status()).isEqualTo(SourceReport.Status.ERROR);
        assertThat(report.message()).isEqualTo("sitemap " + url("/sitemap.xml") + ": refused: the document declares a "
                + "DOCTYPE, which sitemaps never need (entity-expansion or external-entity attack?)");
        assertThat(published).isEmpty();
    }

    @Test
    void externalEntitiesAreNeitherReadNorFetched() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cret-token");
        serveXml("/sitemap.xml", fixture("hostile-xxe.xml").replace("{{file}}", secret.toUri().toString()));
        server.on("/xxe-probe", ex -> {
            hit("/xxe-probe");
            TestServer.send(ex, 200, "text/plain", "probe".getBytes(StandardCharsets.UTF_8));
        });

        SourceReport report = fetcher.fetch(source("/sitemap.xml", null, null));

        assertThat(report.status()).isEqualTo(SourceReport.Status.ERROR);
        assertThat(report.message()).contains("refused: the document declares a DOCTYPE").doesNotContain("s3cret");
        assertThat(hits("/xxe-probe")).isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void aChildSitemapThatFailsLeavesTheListingPartialAndClosesNothing() throws IOException {
        AtomicReference<String> nevada = new AtomicReference<>(fixture("jobs-nevada.xml"));
        serveXml("/sitemap_index.xml", fixture("index.xml"));
        serveXml("/sitemaps/jobs-california.xml", fixture("jobs-california.xml"));
        serveXml("/sitemaps/jobs-nevada.xml", nevada::get);
        serveJobPages();
        RxRadarConfig.Source source = source("/sitemap_index.xml", null, null);
        assertThat(fetcher.fetch(source).published()).isEqualTo(3);

        nevada.set(fixture("hostile-billion-laughs.xml"));
        SourceReport report = fetcher.fetch(source);

        assertThat(report.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(report.closed()).as("Reno is absent only because its sitemap failed").isZero();
        assertThat(report.message()).isEqualTo("listing read in part, nothing closed: sitemap "
                + url("/sitemaps/jobs-nevada.xml") + ": refused: the document declares a DOCTYPE, which sitemaps "
                + "never need (entity-expansion or external-entity attack?)");
    }

    @Test
    void aSitemapThatCannotBeFetchedIsAnError() {
        SourceReport report = fetcher.fetch(source("/missing-sitemap.xml", null, null));

        assertThat(report.status()).isEqualTo(SourceReport.Status.ERROR);
        assertThat(report.message()).isEqualTo("sitemap " + url("/missing-sitemap.xml") + " answered HTTP 404");
    }

    @Test
    void robotsTxtDisallowingTheJobPagesIsRespected() throws IOException {
        server.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /careers/jobs/\n");
        serveXml("/sitemap.xml", fixture("sitemap.xml"));
        serveJobPages();

        SourceReport report = fetcher.fetch(source("/sitemap.xml", null, null));

        assertThat(hits(FRESNO) + hits(SACRAMENTO) + hits(RENO)).isZero();
        assertThat(published).isEmpty();
        assertThat(report.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(report.message()).startsWith("3 job pages could not be read, retried next poll (first: robots.txt disallows ");
    }

    @Test
    void aPageThatFailsIsReadAgainNextPoll() throws IOException {
        AtomicInteger status = new AtomicInteger(500);
        serveXml("/sitemap.xml", urlset(FRESNO, "2025-03-10"));
        byte[] page = fixture("pharmacy-technician-fresno-1042.html").getBytes(StandardCharsets.UTF_8);
        server.on(FRESNO, ex -> TestServer.send(ex, status.get(), "text/html", page));
        RxRadarConfig.Source source = source("/sitemap.xml", null, null);

        SourceReport failed = fetcher.fetch(source);
        status.set(200);
        SourceReport read = fetcher.fetch(source);

        assertThat(failed.status()).isEqualTo(SourceReport.Status.OK);
        assertThat(failed.message()).isEqualTo("1 job pages could not be read, retried next poll (first: HTTP 500 from " + url(FRESNO) + ")");
        assertThat(read.published()).isEqualTo(1);
    }

    // --- helpers

    private RxRadarConfig.Source source(String path, String include, Integer maxPages) {
        return source("sierra-foothill", path, include, maxPages);
    }

    private RxRadarConfig.Source source(String id, String path, String include, Integer maxPages) {
        return new RxRadarConfig.Source(id, "sitemap", null, url(path), Duration.ofMinutes(5),
                "Sierra Foothill Health", Map.of(), true, null, null, null, null, include, maxPages);
    }

    private String url(String path) {
        return server.url(path).toString();
    }

    private Item lead(String path) {
        return published.stream().filter(i -> url(path).equals(i.url())).findFirst().orElseThrow();
    }

    private String fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/ats/sitemap/" + name)) {
            if (in == null) throw new IOException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", url(""));
        }
    }

    /** A sitemap of the given path and lastmod pairs. */
    private String urlset(String... pathsAndDates) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int i = 0; i < pathsAndDates.length; i += 2) {
            xml.append("  <url><loc>").append(url(pathsAndDates[i])).append("</loc><lastmod>").append(pathsAndDates[i + 1])
                    .append("</lastmod></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private void serveXml(String path, String xml) {
        serveXml(path, () -> xml);
    }

    private void serveXml(String path, Supplier<String> xml) {
        server.on(path, ex -> TestServer.send(ex, 200, "application/xml", xml.get().getBytes(StandardCharsets.UTF_8)));
    }

    private void serveJobPages() throws IOException {
        servePage(FRESNO, "pharmacy-technician-fresno-1042.html");
        servePage(SACRAMENTO, "cpht-sacramento-1043.html");
        servePage(RENO, "pharmacy-tech-trainee-reno-1044.html");
    }

    private void servePage(String path, String fixture) throws IOException {
        byte[] body = fixture(fixture).getBytes(StandardCharsets.UTF_8);
        server.on(path, ex -> {
            hit(path);
            TestServer.send(ex, 200, "text/html; charset=utf-8", body);
        });
    }

    private void hit(String path) {
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }

    private int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    private static List<String> paths(int from, int to) {
        return java.util.stream.IntStream.range(from, to).mapToObj(i -> "/jobs/" + i).toList();
    }

    private static String generatedPosting(String path) {
        String n = path.substring(path.lastIndexOf('/') + 1);
        return "<!DOCTYPE html><html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                + "\"@type\":\"JobPosting\",\"title\":\"Pharmacy Technician " + n + "\",\"datePosted\":\"2025-03-01\","
                + "\"hiringOrganization\":{\"@type\":\"Organization\",\"name\":\"Valley Oak Pharmacies\"},"
                + "\"jobLocation\":{\"@type\":\"Place\",\"address\":{\"addressLocality\":\"Visalia\",\"addressRegion\":\"CA\"}}}"
                + "</script></head><body></body></html>";
    }
}
