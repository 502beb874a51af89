package org.rxradar.fetch.ats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Json;

/** The paging bounds, with pages computed in place of a server. */
class ListingPagerTest {
    private final Listing.Builder listing = Listing.builder(List.of("pharmacy technician"));
    private final List<Integer> offsets = new ArrayList<>();

    private static List<JsonNode> postings(int from, int count) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) out.add(Json.MAPPER.createObjectNode().put("id", "p" + i));
        return out;
    }

    @Test
    void stopsAt2000PostingsOfAHugeListing() throws Exception {
        List<JsonNode> read = ListingPager.read("search 'x'", 20, offset -> {
            offsets.add(offset);
            return new ListingPager.Page(offset == 0 ? 50_000 : 0, 20, postings(offset, 20));
        }, p -> p.path("id").asText(), listing, true);

        assertThat(read).hasSize(ListingPager.MAX_POSTINGS);
        assertThat(offsets).hasSize(100);
        assertThat(listing.build().complete()).isFalse();
        assertThat(listing.build().notice()).contains("stopped after 100 pages and 2000 postings of the 50000 announced");
    }

    @Test
    void aListingShorterThanItsTotalIsIncomplete() throws Exception {
        List<JsonNode> read = ListingPager.read("search 'x'", 20, offset -> {
            offsets.add(offset);
            return new ListingPager.Page(60, 20, offset < 40 ? postings(offset, 20) : List.of());
        }, p -> p.path("id").asText(), listing, true);

        assertThat(read).hasSize(40);
        assertThat(offsets).containsExactly(0, 20, 40);
        assertThat(listing.build().notice()).contains("page 3 ended the listing after 40 of the 60 postings it announces");
    }

    @Test
    void withoutATotalReadsUntilAShortPage() throws Exception {
        List<JsonNode> read = ListingPager.read("search 'x'", 20, offset -> {
            offsets.add(offset);
            return new ListingPager.Page(-1, 20, postings(offset, offset < 40 ? 20 : 7));
        }, p -> p.path("id").asText(), listing, true);

        assertThat(read).hasSize(47);
        assertThat(listing.build().complete()).isTrue();
    }

    @Test
    void aPostingMetTwiceCountsOnceAndMakesTheListingIncomplete() throws Exception {
        // a posting added at the top while paging: the last of page 1 comes again on page 2, the last one may be missed
        List<JsonNode> read = ListingPager.read("search 'x'", 20, offset -> new ListingPager.Page(40, 20,
                offset == 0 ? postings(0, 20) : postings(19, 20)), p -> p.path("id").asText(), listing, true);

        assertThat(read).extracting(p -> p.path("id").asText()).doesNotHaveDuplicates().hasSize(39);
        assertThat(listing.build().complete()).isFalse();
        assertThat(listing.build().notice()).contains("the listing changed while it was read");
    }
}
