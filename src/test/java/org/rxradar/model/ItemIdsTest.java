package org.rxradar.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ItemIdsTest {
    @Test
    void canonicalUrlDropsTrackingAndFragmentAndLowercasesHost() {
        assertThat(ItemIds.canonicalUrl("HTTPS://Jobs.Example.ORG:443/a/b?id=7&utm_source=x&fbclid=y#top"))
                .isEqualTo("https://jobs.example.org/a/b?id=7");
        assertThat(ItemIds.forUrl("https://jobs.example.org/a?utm_medium=rss"))
                .isEqualTo(ItemIds.forUrl("https://JOBS.example.org/a#x"));
        assertThat(ItemIds.forUrl("https://jobs.example.org/a?id=1")).isNotEqualTo(ItemIds.forUrl("https://jobs.example.org/a?id=2"));
    }

    @Test
    void guidIdsDependOnSource() {
        assertThat(ItemIds.forGuid("a", "123")).isNotEqualTo(ItemIds.forGuid("b", "123")).hasSize(64);
    }

    @Test
    void itemRoundTripsThroughJsonWithVersionAndIsoDates() throws Exception {
        Item item = new Item(Item.VERSION, "id1", Kind.JOB, "src", "https://x.example/1", "IV Tech", "text",
                Instant.parse("2026-11-23T14:05:00Z"), false, Instant.parse("2026-11-23T15:00:00Z"), null,
                "Lakeside Health", "Austin, TX", null);
        String json = Json.text(item);
        assertThat(json).contains("\"v\":1").contains("\"kind\":\"JOB\"").contains("\"published\":\"2026-11-23T14:05:00Z\"");
        assertThat(Json.read(json.getBytes(), Item.class)).isEqualTo(item);
        assertThat(Json.read("{\"id\":\"x\",\"kind\":\"news\",\"future\":1}".getBytes(), Item.class).kind()).isEqualTo(Kind.NEWS);
    }
}
