package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.ats.Listing;

class ListingPreviewTest {
    @TempDir
    Path dir;
    private TestServer server;
    private ListingPreview preview;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        preview = new ListingPreview(FetchConfigs.small(dir.toString()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RxRadarConfig.Source source(String type, String path, List<String> search) {
        return new RxRadarConfig.Source("preview-test", type, "job", server.url(path).toString(), Duration.ofMinutes(30), null,
                Map.of(), true, null, search, null, null, null, null);
    }

    @Test
    void feedItemsAreCheckedAgainstTheSearchPhrasesAndNothingIsWritten() throws Exception {
        server.serve("/jobs.rss", "application/rss+xml", "<rss version=\"2.0\"><channel><title>J</title>"
                + "<item><title>Pharmacy Technician</title><link>http://x.example/1</link></item>"
                + "<item><title>Cashier</title><link>http://x.example/2</link></item>"
                + "<item><title>IV room tech</title><link>http://x.example/3</link><description>CPhT preferred</description></item>"
                + "</channel></rss>");
        Listing listing = preview.read(source("rss", "/jobs.rss", null));
        assertThat(listing.listed()).hasSize(3);
        assertThat(listing.items()).extracting(i -> i.title()).containsExactly("Pharmacy Technician", "IV room tech");

        Listing cashiers = preview.read(source("rss", "/jobs.rss", List.of("cashier")));
        assertThat(cashiers.items()).extracting(i -> i.title()).containsExactly("Cashier");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aPageWithoutPostingsGivesTheParsersNotice() throws Exception {
        server.serve("/careers", "text/html", "<html><body><p>No openings today.</p></body></html>");
        Listing listing = preview.read(source("web", "/careers", null));
        assertThat(listing.items()).isEmpty();
        assertThat(listing.notice()).contains("no schema.org JobPosting data");
    }

    @Test
    void failuresAreReadableFetchExceptions() {
        assertThatThrownBy(() -> preview.read(source("bamboohr", "/x", null)))
                .isInstanceOf(FetchException.class).hasMessageContaining("'bamboohr' is not a source type (rss, web, workday");
        assertThatThrownBy(() -> preview.read(source("rss", "/missing.rss", null)))
                .isInstanceOf(FetchException.class).hasMessage("HTTP 404 from " + server.url("/missing.rss"));
        server.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        assertThatThrownBy(() -> preview.read(source("web", "/private/jobs", null)))
                .isInstanceOf(FetchException.class).hasMessageContaining("robots.txt disallows");
    }
}
