package org.rxradar.fetch.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.FetchConfigs;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.HttpFetcher;
import org.rxradar.fetch.ListingPreview;
import org.rxradar.fetch.TestServer;
import org.rxradar.fetch.ats.Listing;

class SourceDiscoveryTest {
    @TempDir
    Path dir;
    private TestServer server;
    private HttpFetcher http;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        http = new HttpFetcher(FetchConfigs.small(dir.toString()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SourceDiscovery.Result discover(String path, String apiBase) throws FetchException {
        return new SourceDiscovery(http, apiBase).discover(server.url(path).toString());
    }

    @Test
    void greenhouseIframeAndEmbedScriptAreOneBoardWithItsApiSentToTheApiBase() throws Exception {
        server.serve("/careers", "text/html", CareerSite.GREENHOUSE_IFRAME);
        String base = server.url("").toString();
        List<Finding> found = discover("/careers", base).findings();
        assertThat(found).hasSize(1);
        Finding f = found.get(0);
        assertThat(f.via()).isEqualTo(Finding.Via.JOB_BOARD);
        assertThat(f.type()).isEqualTo("greenhouse");
        assertThat(f.url()).isEqualTo("https://job-boards.greenhouse.io/acmehealth");
        assertThat(f.apiUrl()).isEqualTo(base + "/v1/boards/acmehealth/jobs");
        assertThat(f.idBase()).isEqualTo("acmehealth-greenhouse");
        assertThat(f.evidence()).contains("Greenhouse board 'acmehealth'").contains("an iframe on the page");
    }

    @Test
    void withoutAnApiBaseTheReaderDerivesTheEndpointFromTheUrl() throws Exception {
        server.serve("/careers", "text/html", CareerSite.GREENHOUSE_IFRAME);
        assertThat(discover("/careers", null).findings().get(0).apiUrl()).isNull();
    }

    @Test
    void workdayLinkWithLocaleAndJobPageIsOneSite() throws Exception {
        server.serve("/careers", "text/html", CareerSite.WORKDAY_LINK);
        List<Finding> found = discover("/careers", null).findings();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).type()).isEqualTo("workday");
        assertThat(found.get(0).url()).isEqualTo("https://mercyvalley.wd5.myworkdayjobs.com/MercyValley_Careers");
        assertThat(found.get(0).name()).isEqualTo("Mercyvalley MercyValley_Careers (Workday)");
        assertThat(found.get(0).evidence()).contains("a link on the page");
    }

    @Test
    void leverBoardConfiguredInScriptText() throws Exception {
        server.serve("/careers", "text/html", CareerSite.LEVER_SCRIPT);
        Finding f = discover("/careers", null).findings().get(0);
        assertThat(f.type()).isEqualTo("lever");
        assertThat(f.url()).isEqualTo("https://jobs.lever.co/rx-startup");
        assertThat(f.evidence()).contains("script text");
    }

    @Test
    void usajobsLinkKeepsTheSearchAndAsksForTheKey() throws Exception {
        server.serve("/careers", "text/html", CareerSite.USAJOBS_LINK);
        Finding f = discover("/careers", null).findings().get(0);
        assertThat(f.type()).isEqualTo("usajobs");
        assertThat(f.url()).isEqualTo("https://www.usajobs.gov/Search/Results?k=pharmacy%20technician&l=Fresno%2C%20CA");
        assertThat(f.idBase()).isEqualTo("usajobs-pharmacy-technician");
        assertThat(String.join(" ", f.notes())).contains("API key").contains(RxRadarConfig.Source.USAJOBS_KEY_ENV);
        assertThat(f.todo()).anyMatch(line -> line.startsWith("api-key:"));
    }

    @Test
    void theUrlOfABoardItselfNeedsNoFetch() throws Exception {
        Finding f = new SourceDiscovery(http, null).discover("https://jobs.smartrecruiters.com/AcmeHealth/7439-pharmacy-technician")
                .findings().get(0);
        assertThat(f.type()).isEqualTo("smartrecruiters");
        assertThat(f.evidence()).contains("the URL itself");
        assertThat(server.requests.get()).isZero();
    }

    @Test
    void rssAlternateLinkIsAJobFeedAndTheCommentFeedIsLeftOut() throws Exception {
        server.serve("/jobs-page", "text/html", CareerSite.RSS_LINK);
        server.serve("/jobs.rss", "application/rss+xml", CareerSite.JOBS_RSS);
        List<Finding> found = discover("/jobs-page", null).findings();
        assertThat(found).hasSize(1);
        Finding f = found.get(0);
        assertThat(f.type()).isEqualTo("rss");
        assertThat(f.url()).isEqualTo(server.url("/jobs.rss").toString());
        assertThat(f.name()).isEqualTo("Valley Pharmacy jobs");

        // the first read counts what the feed holds and what names a search phrase
        Listing first = new ListingPreview(FetchConfigs.small(dir.toString()), http).read(f.toSource("valley-feed"));
        assertThat(first.listed()).hasSize(2);
        assertThat(first.items()).extracting(i -> i.title()).containsExactly("Pharmacy Technician (evenings)");
    }

    @Test
    void jsonLdJobPostingsOnThePageMakeAWebSource() throws Exception {
        server.serve("/jobs-page", "text/html", CareerSite.JSON_LD);
        List<Finding> found = discover("/jobs-page", null).findings();
        assertThat(found).hasSize(1);
        Finding f = found.get(0);
        assertThat(f.type()).isEqualTo("web");
        assertThat(f.url()).isEqualTo(server.url("/jobs-page").toString());
        assertThat(f.evidence()).contains("2 schema.org JobPosting entries");

        Listing first = new ListingPreview(FetchConfigs.small(dir.toString()), http).read(f.toSource("sunrise-jobs"));
        assertThat(first.listed()).hasSize(2);
        assertThat(first.items()).extracting(i -> i.title()).containsExactly("Certified Pharmacy Technician");
    }

    @Test
    void robotsSitemapIndexLeadsToTheSitemapOfJobPagesWithAGuessedInclude() throws Exception {
        CareerSite.sitemaps(server);
        server.serve("/careers-home", "text/html", CareerSite.NOTHING);
        List<Finding> found = discover("/careers-home", null).findings();
        assertThat(found).hasSize(1);
        Finding f = found.get(0);
        assertThat(f.type()).isEqualTo("sitemap");
        assertThat(f.url()).isEqualTo(server.url("/sitemap-careers.xml").toString());
        assertThat(f.include()).isEqualTo("^https?://[^/]+/careers/jobs/.+");
        Pattern include = Pattern.compile(f.include());
        assertThat(include.matcher(server.url("/careers/jobs/1001-pharmacy-technician").toString()).matches()).isTrue();
        assertThat(include.matcher(server.url("/careers/benefits").toString()).find()).isFalse();
        assertThat(f.evidence()).contains("lists 3 of its 5 pages below /careers/jobs/");
    }

    @Test
    void withoutRobotsTheConventionalSitemapIsTried() throws Exception {
        server.serve("/careers-home", "text/html", CareerSite.NOTHING);
        server.serve("/sitemap.xml", "application/xml", """
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>https://valley.example/jobs/101/pharmacy-technician</loc></url>
                <url><loc>https://valley.example/jobs/102/cashier</loc></url></urlset>""");
        Finding f = discover("/careers-home", null).findings().get(0);
        assertThat(f.type()).isEqualTo("sitemap");
        assertThat(f.include()).isEqualTo("^https?://[^/]+/jobs/.+");
    }

    @Test
    void severalFindingsComeBestFirst() throws Exception {
        CareerSite.sitemaps(server);
        String page = CareerSite.JSON_LD
                .replace("</head>", "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/jobs.atom\"></head>")
                .replace("<h1>Jobs</h1>", "<h1>Jobs</h1><a href=\"https://jobs.lever.co/sunrise\">All jobs</a>");
        server.serve("/jobs-page", "text/html", page);
        List<Finding> found = discover("/jobs-page", null).findings();
        assertThat(found).extracting(Finding::type).containsExactly("lever", "sitemap", "rss", "web");
    }

    @Test
    void aPageWithNothingSaysWhatWasLookedFor() throws Exception {
        server.serve("/about", "text/html", CareerSite.NOTHING);
        SourceDiscovery.Result result = discover("/about", null);
        assertThat(result.findings()).isEmpty();
        assertThat(result.explanation()).contains("nothing found on " + server.url("/about"))
                .contains("Greenhouse").contains("no feed link").contains("JobPosting").contains("no sitemap at");
        assertThat(result.explanation()).doesNotContain("\n");
    }

    @Test
    void aPageThatCannotBeFetchedThrows() {
        assertThatThrownBy(() -> discover("/missing", null)).isInstanceOf(FetchException.class).hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> new SourceDiscovery(http, null).discover("file:///etc/passwd"))
                .isInstanceOf(FetchException.class).hasMessageContaining("not an http(s) URL");
    }
}
