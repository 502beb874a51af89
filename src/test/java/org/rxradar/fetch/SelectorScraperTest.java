package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Item;
import org.rxradar.model.Kind;

class SelectorScraperTest {
    private static final Instant NOW = Instant.parse("2026-11-24T05:00:00Z");
    private static final String PAGE = "<ul class=jobs>"
            + "<li class=job><a class=t href=\"/j/1\">Pharmacy Tech</a><span class=co>Acme</span><span class=loc>Reno, NV</span>"
            + "<time datetime=\"2026-11-22T09:00:00Z\">2 days ago</time><p class=d>Retail <b>role</b></p></li>"
            + "<li class=job><a class=t href=\"/j/2\">IV Tech</a><span class=co>Mercy</span></li>"
            + "<li class=job><span>no title here</span></li></ul>";

    @Test
    void scrapesItemsWithTheConfiguredSelectors() {
        ParsedItems p = new SelectorScraper().scrape(Jsoup.parse(PAGE, "https://jobs.example.com/list"),
                Map.of("item", "li.job", "title", "a.t", "employer", ".co", "location", ".loc", "date", "time", "summary", "p.d"),
                "board", Kind.JOB, NOW);
        assertThat(p.items()).extracting(Item::title).containsExactly("Pharmacy Tech", "IV Tech");
        Item first = p.items().get(0);
        assertThat(first.url()).isEqualTo("https://jobs.example.com/j/1");
        assertThat(first.employer()).isEqualTo("Acme");
        assertThat(first.location()).isEqualTo("Reno, NV");
        assertThat(first.summary()).isEqualTo("Retail role");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
        assertThat(p.items().get(1).publishedEstimated()).isTrue();
    }

    @Test
    void saysWhenTheItemSelectorMatchesNothing() {
        ParsedItems p = new SelectorScraper().scrape(Jsoup.parse(PAGE, "https://e.org/"), Map.of("item", "div.posting"), "b", Kind.JOB, NOW);
        assertThat(p.items()).isEmpty();
        assertThat(p.notice()).contains("item='div.posting' matched nothing");
    }

    @Test
    void rejectsUnknownKeysAndInvalidCss() {
        assertThatThrownBy(() -> SelectorScraper.validate(Map.of("item", "li", "titel", "a"))).hasMessageContaining("unknown selector key 'titel'");
        assertThatThrownBy(() -> SelectorScraper.validate(Map.of("item", "li[[["))).hasMessageContaining("not valid CSS");
        assertThatThrownBy(() -> SelectorScraper.validate(Map.of("title", "a"))).hasMessageContaining("'item'");
    }
}
