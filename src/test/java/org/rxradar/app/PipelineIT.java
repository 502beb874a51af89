package org.rxradar.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.config.ConfigLoader;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.demo.DemoSetup;
import org.rxradar.demo.SampleSite;

/**
 * The whole pipeline on the real embedded broker, fetching the bundled samples from a real local
 * web server: a digest lands in the outbox, the hospital feed serves entries, and a restart
 * publishes nothing again and sends no second digest for the day.
 */
class PipelineIT {
    @TempDir
    Path dir;

    @Test
    void fetchTagDeliverAndServeThenRestartWithoutRepeats() throws Exception {
        Path outbox = dir.resolve("outbox");
        try (SampleSite site = SampleSite.start(0)) {
            RxRadarConfig cfg = DemoSetup.config(ConfigLoader.load(null, java.util.Map.of()), site, 0, outbox, dir.resolve("data"));

            try (Pipeline pipeline = Pipeline.open(cfg)) {
                Pipeline.Summary first = pipeline.runOnce();
                assertThat(first.sources()).isEqualTo(DemoSetup.sourceCount());
                assertThat(first.sourcesFailed()).isZero();
                assertThat(first.itemsPublished()).isGreaterThan(20);
                assertThat(first.itemsTagged()).isEqualTo(first.itemsPublished());
                assertThat(first.digestsSent()).isEqualTo(1);

                List<Path> eml = files(outbox, ".eml");
                assertThat(eml).hasSize(1);
                assertThat(files(outbox, ".html")).hasSize(1);
                String mail = Files.readString(eml.get(0));
                assertThat(mail).containsPattern("(?m)^To: .*" + DemoSetup.DEMO_EMAIL.replace(".", "\\.")).contains("multipart/alternative")
                        .contains("List-Unsubscribe:").contains("/unsubscribe?token=").doesNotContain("localhost:0/");

                // people read a source's name, never its id: in the digest and in the feeds
                String digestHtml = Files.readString(files(outbox, ".html").get(0));
                String allFeed = get(pipeline.httpPort(), "/feeds/all.atom").body();
                for (RxRadarConfig.Source s : cfg.sources()) {
                    if (s.name() == null || s.name().isBlank()) continue;
                    // as text, not inside a URL
                    String asText = "[ >;]" + java.util.regex.Pattern.quote(s.id()) + "[ <&]";
                    assertThat(digestHtml).as("digest names source %s", s.id()).doesNotContainPattern(asText);
                    assertThat(allFeed).as("feed names source %s", s.id()).doesNotContainPattern(asText);
                }

                SyndFeed hospital = fetchFeed(pipeline.httpPort(), "/feeds/settings/hospital.atom");
                assertThat(hospital.getEntries()).isNotEmpty();
                for (SyndEntry e : hospital.getEntries())
                    assertThat(e.getCategories()).anySatisfy(c -> assertThat(c.getName()).isEqualTo("hospital"));

                HttpResponse<String> trends = get(pipeline.httpPort(), "/trends?days=28");
                assertThat(trends.statusCode()).isEqualTo(200);
                assertThat(trends.body()).contains("hospital");
                HttpResponse<String> page = get(pipeline.httpPort(), "/trends.html");
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("<svg");
                // the career pages per setting are wired in too
                HttpResponse<String> setting = get(pipeline.httpPort(), "/settings/hospital");
                assertThat(setting.statusCode()).isEqualTo(200);
                assertThat(setting.body()).contains("Hospital pharmacy technician jobs");
                assertThat(get(pipeline.httpPort(), "/settings/nowhere").statusCode()).isEqualTo(404);
            }

            // same data directories: the fetch state and the digest log survive the restart
            try (Pipeline pipeline = Pipeline.open(cfg)) {
                Pipeline.Summary second = pipeline.runOnce();
                assertThat(second.itemsPublished()).isZero();
                assertThat(second.digestsSent()).isZero();
                assertThat(files(outbox, ".eml")).hasSize(1);
                assertThat(fetchFeed(pipeline.httpPort(), "/feeds/jobs.atom").getEntries()).isNotEmpty();
            }
        }
    }

    private static List<Path> files(Path dir, String suffix) throws Exception {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static SyndFeed fetchFeed(int port, String path) throws Exception {
        HttpResponse<String> r = get(port, path);
        assertThat(r.statusCode()).isEqualTo(200);
        return new SyndFeedInput().build(new StringReader(r.body()));
    }
}
