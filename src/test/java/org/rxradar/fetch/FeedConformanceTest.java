package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.model.Item;
import org.rxradar.model.ItemIds;
import org.rxradar.model.Kind;

/**
 * The feeds a tolerant reader keeps, each served over HTTP from src/test/resources/feeds/conformance
 * and read as a poll reads it: the right entries with the right titles, and what is left out
 * counted with its reason.
 */
class FeedConformanceTest {
    private static final Instant NOW = Instant.parse("2026-11-24T05:00:00Z");
    private static final List<String> FIXTURES = List.of("ampersands", "uppercase-hex-references", "unclosed", "cut-off",
            "html-entities", "description-only", "atom03-base64", "atom-id-attributes", "markup-titles");
    private static TestServer server;
    private static HttpFetcher http;
    private final DocumentParser parser = new DocumentParser();

    @BeforeAll
    static void serve(@TempDir Path state) throws IOException {
        server = new TestServer();
        for (String name : FIXTURES) {
            byte[] body = fixture(name);
            server.on("/" + name + ".xml", ex -> TestServer.send(ex, 200, "application/xml", body));
        }
        http = new HttpFetcher(FetchConfigs.small(state.toString()));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = FeedConformanceTest.class.getResourceAsStream("/feeds/conformance/" + name + ".xml")) {
            if (in == null) throw new IOException("fixture " + name + " is missing");
            return in.readAllBytes();
        }
    }

    private ParsedItems read(String name) throws FetchException {
        URI url = server.url("/" + name + ".xml");
        FetchResponse response = http.fetch(url, Validators.NONE);
        assertThat(response.ok()).as(name).isTrue();
        return parser.parse("auto", response, "conformance", Kind.NEWS, Map.of(), NOW);
    }

    private static List<String> titles(ParsedItems parsed) {
        return parsed.items().stream().map(Item::title).toList();
    }

    @Test
    void unescapedAmpersandsInTextAndLinksAreText() throws Exception {
        ParsedItems parsed = read("ampersands");
        assertThat(titles(parsed)).containsExactly("Q&A: CPhT renewal & CE hours", "AT&T; Rx&Co; merger talk");
        assertThat(parsed.items()).extracting(Item::url).containsExactly(
                "https://health.example.org/news?id=41&copy=print&lang=en", "https://health.example.org/news?id=42&b;=2");
        assertThat(parsed.items().get(0).summary()).isEqualTo("Answers from the board on renewals & continuing education.");
        assertThat(parsed.dropped()).isEmpty();
    }

    @Test
    void uppercaseHexCharacterReferencesAreRead() throws Exception {
        assertThat(titles(read("uppercase-hex-references")))
                .containsExactly("Technicians\u2019 scope of practice grows", "Caf\u00e9 talk \u2014 sterile compounding");
    }

    @Test
    void aDocumentLeftUnclosedKeepsItsEntries() throws Exception {
        ParsedItems parsed = read("unclosed");
        assertThat(titles(parsed)).containsExactly("Flu season staffing plan", "New counting trays arrive");
        assertThat(parsed.dropped()).isEmpty();
    }

    @Test
    void aDocumentCutOffKeepsItsWholeEntriesAndCountsTheCutOne() throws Exception {
        ParsedItems parsed = read("cut-off");
        assertThat(titles(parsed)).containsExactly("IV Room Technician, nights", "Inventory Technician");
        assertThat(parsed.items()).extracting(Item::url)
                .containsExactly("https://careers.example.org/jobs/101", "https://careers.example.org/jobs/102");
        assertThat(parsed.dropped()).containsExactly(Map.entry(XmlFeedParser.CUT_OFF, 1));
    }

    @Test
    void htmlEntitiesAreMappedAndUndefinedOnesKeptAsText() throws Exception {
        ParsedItems parsed = read("html-entities");
        assertThat(titles(parsed)).containsExactly("Caf\u00e9 hours \u2014 \u201ctech appreciation\u201d week\u2026",
                "Price list &bogus; \u20ac12");
        assertThat(parsed.items().get(0).summary()).isEqualTo("Cake at noon & a raffle.");
    }

    @Test
    void descriptionOnlyItemsAreTitledFromTheirTextAndKeepTheirIdsBetweenPolls() throws Exception {
        ParsedItems parsed = read("description-only");
        assertThat(titles(parsed)).containsExactly(
                "Our new hire started today and already knows the top\u2026",
                "Reminder: badge photos on Friday.",
                "Inventory count moved to Sunday morning because the wholesaler delivery\u2026",
                "Thanks to everyone who covered the weekend shifts during the storm!");
        List<Item> items = parsed.items();
        assertThat(items.get(0).url()).isEqualTo("https://floor.example.org/posts/1");
        assertThat(items.get(1).url()).isEqualTo("https://floor.example.org/posts/2"); // a permalink GUID
        assertThat(items.get(2).url()).isNull();
        assertThat(items.get(2).id()).isEqualTo(ItemIds.forGuid("conformance", "floor-post-3"));
        assertThat(items.get(3).url()).isNull();
        assertThat(items.get(3).summary()).isEqualTo("Thanks to everyone who covered the weekend shifts during the storm!");
        assertThat(items).extracting(Item::id).doesNotHaveDuplicates();
        // the next poll sees the same posts under the same ids
        assertThat(read("description-only").items()).extracting(Item::id).containsExactlyElementsOf(items.stream().map(Item::id).toList());
    }

    @Test
    void atom03Base64ConstructsAreDecodedAndABadOneCostsOnlyItself() throws Exception {
        ParsedItems parsed = read("atom03-base64");
        assertThat(titles(parsed)).containsExactly("Sterile compounding update for technicians", "Night shift differential",
                "Garbing checklist");
        assertThat(parsed.items().get(0).summary()).isEqualTo("All IV room technicians must complete the new garbing competency by March.");
        assertThat(parsed.items().get(2).summary()).isNull();
    }

    @Test
    void atomIdsWithExtraAttributesAndUndeclaredPrefixesDoNotFailTheDocument() throws Exception {
        ParsedItems parsed = read("atom-id-attributes");
        assertThat(titles(parsed)).containsExactly("Central fill technician", "Long-term care technician");
        assertThat(parsed.items()).extracting(Item::url)
                .containsExactly("https://board.example.org/posts/1", "https://board.example.org/posts/2");
    }

    @Test
    void titlesOfMarkupOnlyWithoutALinkAreDroppedWithTheirReason() throws Exception {
        ParsedItems parsed = read("markup-titles");
        assertThat(titles(parsed)).containsExactly("Holiday party at the central pharmacy.", "Bold news from the night shift",
                "Technician of the month");
        assertThat(parsed.dropped()).containsExactly(Map.entry(XmlFeedParser.NO_TITLE_TEXT, 3));
    }
}
