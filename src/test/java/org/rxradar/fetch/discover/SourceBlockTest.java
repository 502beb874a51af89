package org.rxradar.fetch.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rxradar.config.ConfigLoader;
import org.rxradar.config.RxRadarConfig;

class SourceBlockTest {

    private static Finding finding(String type, String url, String apiUrl, String include, String name, String idBase) {
        return new Finding(Finding.Via.JOB_BOARD, type, url, apiUrl, include, name, idBase, Duration.ofHours(2),
                "found: somewhere", List.of(), List.of());
    }

    private static RxRadarConfig.Source parseOne(String block) {
        RxRadarConfig config = ConfigLoader.parse("sources:\n" + block, Map.of());
        assertThat(config.sources()).hasSize(1);
        return config.sources().get(0);
    }

    @Test
    void blockReadsBackAsTheSameSourceThroughTheConfigLoader() {
        Finding f = finding("sitemap", "https://valley.example/sitemap-careers.xml?lang=en&x=1#top", null,
                "^https?://[^/]+/careers/jobs/\\d+-.+$", "Valley \"Pharmacy\": jobs # and more", "valley-sitemap");
        RxRadarConfig.Source source = f.toSource("valley-sitemap");
        String yaml = SourceBlock.yaml(source, List.of("found: a sitemap\nwith a line break", "first read: 3 postings listed"), List.of());

        RxRadarConfig.Source back = parseOne(yaml);
        assertThat(back).isEqualTo(source);
        assertThat(back.include()).isEqualTo("^https?://[^/]+/careers/jobs/\\d+-.+$");
        assertThat(back.name()).isEqualTo("Valley \"Pharmacy\": jobs # and more");
        assertThat(back.kind()).isEqualTo("job");
        assertThat(yaml).startsWith("  # found: a sitemap with a line break\n  # first read: 3 postings listed\n  - id: valley-sitemap\n")
                .contains("\n    interval: 2h\n").doesNotContain("search").doesNotContain("max-pages");
    }

    @Test
    void apiUrlOnlyWhenSetAndTodoLinesStayComments() {
        Finding f = new Finding(Finding.Via.JOB_BOARD, "usajobs", "https://www.usajobs.gov/Search/Results?k=pharmacy%20technician",
                "http://proxy.example/api/search", null, "USAJOBS pharmacy technician", "usajobs", Duration.ofHours(12),
                "found", List.of(), List.of("api-key: YOUR-USAJOBS-API-KEY", "user-agent-email: you@example.org"));
        String yaml = SourceBlock.yaml(f.toSource("usajobs"), List.of(), f.todo());
        assertThat(yaml).contains("    api-url: http://proxy.example/api/search\n")
                .endsWith("    # api-key: YOUR-USAJOBS-API-KEY\n    # user-agent-email: you@example.org\n");
        RxRadarConfig.Source back = parseOne(yaml);
        assertThat(back.apiUrl()).isEqualTo("http://proxy.example/api/search");
        assertThat(back.apiKey()).isNull();

        String plain = SourceBlock.yaml(finding("lever", "https://jobs.lever.co/acme", null, null, "Acme", "acme").toSource("acme"),
                List.of(), List.of());
        assertThat(plain).doesNotContain("api-url").doesNotContain("include");
    }

    @Test
    void scalarsThatYamlWouldMisreadAreQuoted() {
        assertThat(SourceBlock.scalar("https://jobs.lever.co/acme")).isEqualTo("https://jobs.lever.co/acme");
        assertThat(SourceBlock.scalar("acme-greenhouse")).isEqualTo("acme-greenhouse");
        assertThat(SourceBlock.scalar("yes")).isEqualTo("\"yes\"");
        assertThat(SourceBlock.scalar("2026")).isEqualTo("\"2026\"");
        assertThat(SourceBlock.scalar("a: b")).isEqualTo("\"a: b\"");
        assertThat(SourceBlock.scalar("https://x.example/a:")).isEqualTo("\"https://x.example/a:\"");
        assertThat(SourceBlock.scalar("*alias")).isEqualTo("\"*alias\"");
        assertThat(SourceBlock.scalar("back\\slash")).isEqualTo("\"back\\\\slash\"");
    }

    @Test
    void idsAreUniqueValidAndShort() {
        String longBase = "a-very-long-board-name-that-goes-on-and-on-and-on-for-more-than-sixty-four-characters";
        List<String> ids = SourceBlock.ids(List.of(
                finding("rss", "https://a.example/1", null, null, "A", "valley.example-feed"),
                finding("rss", "https://a.example/2", null, null, "A", "valley.example-feed"),
                finding("lever", "https://jobs.lever.co/x", null, null, "X", longBase),
                finding("lever", "https://jobs.lever.co/y", null, null, "Y", longBase),
                finding("web", "https://a.example/3", null, null, "Z", "--")));
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids.get(0)).isEqualTo("valley-example-feed");
        assertThat(ids.get(1)).isEqualTo("valley-example-feed-2");
        assertThat(ids.get(2)).hasSizeLessThanOrEqualTo(64);
        assertThat(ids.get(3)).hasSizeLessThanOrEqualTo(64).endsWith("-2");
        assertThat(ids.get(4)).isEqualTo("source");
        assertThat(ids).allMatch(id -> id.matches("[a-z0-9][a-z0-9-]{0,63}"));
    }
}
