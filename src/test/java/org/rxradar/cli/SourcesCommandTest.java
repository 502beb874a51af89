package org.rxradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.config.ConfigLoader;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.TestServer;
import org.rxradar.fetch.discover.CareerSite;
import picocli.CommandLine;

/** {@code rxradar sources discover} against a local career site; the printed blocks must load as config. */
class SourcesCommandTest {
    private static final String AGENT = "RxRadar-discover-test/1.0 (+ops@example.org)";

    @TempDir
    Path dir;
    private TestServer server;
    private Path config;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> agents = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        config = dir.resolve("rxradar.yml");
        Files.writeString(config, "fetch:\n  user-agent: \"" + AGENT + "\"\n  per-host-delay: 0s\n  state-dir: " + dir.resolve("state") + "\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void page(String path, String html) {
        server.on(path, ex -> {
            agents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            TestServer.send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        });
    }

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    private int discover(String path, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "sources";
        args[1] = "discover";
        args[2] = "--config=" + config;
        System.arraycopy(more, 0, args, 3, more.length);
        args[args.length - 1] = server.url(path).toString();
        return run(args);
    }

    private static List<RxRadarConfig.Source> load(String blocks) {
        return ConfigLoader.parse("sources:\n" + blocks, Map.of()).sources();
    }

    @Test
    void sitemapFeedAndJsonLdBlocksBestFirstWithFirstReadCounts() {
        CareerSite.sitemaps(server);
        String html = CareerSite.JSON_LD.replace("</head>",
                "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Open positions\" href=\"/jobs.rss\"></head>");
        page("/jobs-page", html);
        server.serve("/jobs.rss", "application/rss+xml", CareerSite.JOBS_RSS);

        assertThat(discover("/jobs-page")).as(err.toString()).isZero();
        String printed = out.toString();
        List<RxRadarConfig.Source> sources = load(printed);
        assertThat(sources).extracting(RxRadarConfig.Source::type).containsExactly("sitemap", "rss", "web");
        assertThat(sources).allMatch(s -> s.kind().equals("job"));
        assertThat(sources.get(0).include()).isEqualTo("^https?://[^/]+/careers/jobs/.+");
        assertThat(sources.get(1).url()).isEqualTo(server.url("/jobs.rss").toString());
        assertThat(sources.get(2).url()).isEqualTo(server.url("/jobs-page").toString());
        assertThat(sources).extracting(RxRadarConfig.Source::id).containsExactly("127-0-0-1-sitemap", "127-0-0-1-feed", "127-0-0-1-jobs");

        // each block says what was found and what a first read returns
        assertThat(printed).startsWith("# 3 sources found for " + server.url("/jobs-page") + ", best first")
                .contains("# sitemap " + server.url("/sitemap-careers.xml") + " lists 3 of its 5 pages below /careers/jobs/")
                .contains("# the page links a feed: " + server.url("/jobs.rss"))
                .contains("# the page itself holds 2 schema.org JobPosting entries");
        String[] blocks = printed.split("\n\n");
        assertThat(blocks).hasSize(4);
        assertThat(blocks[1]).contains("# first read"); // the sitemap reader's count: whatever it is in this build
        assertThat(blocks[2]).contains("# first read: 2 postings listed, 1 matches the search phrases");
        assertThat(blocks[3]).contains("# first read: 2 postings listed, 1 matches the search phrases");
        assertThat(agents).isNotEmpty().allMatch(AGENT::equals);
    }

    @Test
    void greenhouseIframeWithApiBaseGetsAnApiUrlOnIt() {
        page("/careers", CareerSite.GREENHOUSE_IFRAME);
        String base = server.url("").toString();
        assertThat(discover("/careers", "--api-base=" + base)).as(err.toString()).isZero();
        List<RxRadarConfig.Source> sources = load(out.toString());
        assertThat(sources).hasSize(1);
        RxRadarConfig.Source s = sources.get(0);
        assertThat(s.type()).isEqualTo("greenhouse");
        assertThat(s.id()).isEqualTo("acmehealth-greenhouse");
        assertThat(s.name()).isEqualTo("Acmehealth (Greenhouse)");
        assertThat(s.url()).isEqualTo("https://job-boards.greenhouse.io/acmehealth");
        assertThat(s.apiUrl()).isEqualTo(base + "/v1/boards/acmehealth/jobs");
        assertThat(s.interval()).hasHours(2);
        // without a greenhouse reader in this build, or with one and no board on the test server: the block is printed anyway
        assertThat(out.toString()).contains("# Greenhouse board 'acmehealth', from an iframe on the page").contains("# first read");
    }

    @Test
    void usajobsBlockRemindsOfTheApiKey() {
        page("/careers", CareerSite.USAJOBS_LINK);
        assertThat(discover("/careers", "--api-base=" + server.url(""))).as(err.toString()).isZero();
        String printed = out.toString();
        assertThat(printed).contains("    # api-key: YOUR-USAJOBS-API-KEY").contains(RxRadarConfig.Source.USAJOBS_KEY_ENV);
        RxRadarConfig.Source s = load(printed).get(0);
        assertThat(s.type()).isEqualTo("usajobs");
        assertThat(s.apiUrl()).isEqualTo(server.url("/api/search").toString());
    }

    @Test
    void nothingFoundIsExitOneWithOneLine() {
        page("/about", CareerSite.NOTHING);
        assertThat(discover("/about")).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().trim()).startsWith("sources discover: nothing found on " + server.url("/about")).doesNotContain("\n");
    }

    @Test
    void unreachablePageAndBadArguments() {
        assertThat(discover("/missing")).isEqualTo(1);
        assertThat(err.toString()).contains(server.url("/missing") + ": HTTP 404");
        assertThat(discover("/about", "--api-base=not-a-url")).isEqualTo(2);
        assertThat(err.toString()).contains("--api-base must be an http(s) URL");
    }

    @Test
    void helpExplainsWhatIsLookedForAndTheApiBase() {
        assertThat(run("sources", "discover", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("Workday, Greenhouse, Lever, SmartRecruiters or USAJOBS")
                .contains("sitemap.xml").contains("--api-base").contains("JobPosting");
    }
}
