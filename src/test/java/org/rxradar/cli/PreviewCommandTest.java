package org.rxradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Item;
import org.rxradar.model.Json;
import picocli.CommandLine;

class PreviewCommandTest {
    private HttpServer server;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/feed.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>F</title>"
                + "<item><title>Pharmacy tech news</title><link>http://example.org/n1</link></item></channel></rss>");
        serve("/board", "text/html", "<ul><li class=job><a href=\"/j/1\">IV Technician</a><span class=co>Mercy</span></li></ul>");
        serve("/plain", "text/html", "<html><head><link rel=alternate type=application/rss+xml href=/feed.xml></head><body>hi</body></html>");
        server.createContext("/missing", ex -> { ex.sendResponseHeaders(404, -1); ex.close(); });
        server.start();
    }

    private void serve(String path, String type, String body) {
        server.createContext(path, ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new PreviewCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void printsFeedItemsAsJsonLinesWithTheSourceUrl() throws Exception {
        assertThat(run(url("/feed.xml"))).isZero();
        String[] lines = out.toString().trim().split("\n");
        assertThat(lines).hasSize(1);
        Item item = Json.read(lines[0].getBytes(StandardCharsets.UTF_8), Item.class);
        assertThat(item.title()).isEqualTo("Pharmacy tech news");
        assertThat(item.source()).isEqualTo(url("/feed.xml"));
    }

    @Test
    void saysPerUrlWhatItDroppedAndWhy() throws Exception {
        serve("/photos.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>Photos</title>"
                + "<item><title>&lt;img src=\"a.png\"&gt;</title><description>Team photo</description></item>"
                + "<item><title><![CDATA[<img src=\"b.png\">]]></title></item>"
                + "<item><title>Technician of the month</title><link>http://example.org/totm</link></item>"
                + "<item><title>Holiday party</title><link>http://example.org/par");
        assertThat(run(url("/photos.xml"), url("/feed.xml"))).isZero();
        assertThat(out.toString().trim().split("\n")).hasSize(2);
        assertThat(err.toString().split("\n")).containsExactly(
                url("/photos.xml") + ": dropped 1 entry: cut off by the end of the document",
                url("/photos.xml") + ": dropped 2 entries: no title text and no link");
    }

    @Test
    void selectorsScrapeAPageAsJobs() throws Exception {
        assertThat(run(url("/board"), "--type", "web", "--kind", "job", "--selector", "item=li.job",
                "--selector", "title=a", "--selector", "employer=.co")).isZero();
        Item item = Json.read(out.toString().trim().getBytes(StandardCharsets.UTF_8), Item.class);
        assertThat(item.title()).isEqualTo("IV Technician");
        assertThat(item.employer()).isEqualTo("Mercy");
        assertThat(item.url()).isEqualTo(url("/j/1"));
    }

    @Test
    void explainsEmptyResultsAndFailsForBadUrls() {
        int code = run(url("/plain"), url("/missing"));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("no schema.org JobPosting").contains(url("/feed.xml"))
                .contains(url("/missing") + ": failed: HTTP 404");
        assertThat(run("--selector", "bogus=x", url("/plain"))).isEqualTo(2);
    }

    @Test
    void everyJobListingTypeIsAcceptedAndSaysWhyNothingCameWithoutEchoingTheKey() {
        for (String type : org.rxradar.config.RxRadarConfig.Source.JOB_TYPES) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            // no board on this server: with or without a reader for the type in this build, the preview says why it has nothing
            int code = run("--type", type, "--api-url", url("/missing/list"), "--api-key", "SECRET-KEY-123",
                    "--user-agent-email", "ops@example.org", "--search", "pharmacy technician", "--search", "CPhT",
                    url("/missing/board"));
            assertThat(code).as(type + ": " + err).isBetween(0, 1);
            assertThat(err.toString()).as(type).startsWith(url("/missing/board") + (code == 1 ? ": failed: " : ": nothing found: "));
            assertThat(out.toString()).as(type).isEmpty();
            assertThat(out + err.toString()).as(type).doesNotContain("SECRET-KEY-123");
        }
    }

    @Test
    void jobListingOptionsAreCheckedBeforeAnyRequest() {
        assertThat(run("--type", "bamboohr", url("/feed.xml"))).isEqualTo(2);
        assertThat(err.toString()).contains("--type must be rss, web, auto or one of workday, greenhouse, lever, smartrecruiters, usajobs, sitemap");
        assertThat(run("--type", "rss", "--search", "cpht", url("/feed.xml"))).isEqualTo(2);
        assertThat(err.toString()).contains("apply to the job-listing types");
        assertThat(run("--type", "sitemap", "--kind", "news", url("/feed.xml"))).isEqualTo(2);
        assertThat(err.toString()).contains("a sitemap source reads job postings: --kind job");
        assertThat(run("--type", "sitemap", "--include", "jobs/(", url("/feed.xml"))).isEqualTo(2);
        assertThat(err.toString()).contains("--include 'jobs/(' is not a regular expression");
        assertThat(run("--type", "sitemap", "--max-pages", "0", url("/feed.xml"))).isEqualTo(2);
        assertThat(run("--type", "greenhouse", "--api-url", "ftp://x.example/", url("/feed.xml"))).isEqualTo(2);
        assertThat(run("--type", "lever", "--search", " ... ", url("/feed.xml"))).isEqualTo(2);
        assertThat(err.toString()).contains("search: no phrase has a letter or digit");
        assertThat(out.toString()).isEmpty();
    }
}
