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
}
