package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Item;
import org.rxradar.model.Json;
import org.rxradar.model.Kind;

/**
 * Runs the parsers over the shared corpus of other projects' test inputs (when present):
 * no exception escapes, nothing hangs, and for gofeed's well-formed inputs our titles and links
 * match the titles and links gofeed's translator produced.
 */
class CorpusConformanceTest {
    private static final Instant NOW = Instant.parse("2026-11-24T05:00:00Z");
    private static final Duration PER_FILE = Duration.ofSeconds(5);
    private static Path corpus;
    private static ExecutorService runner;
    private final FeedParser feeds = new FeedParser();

    @BeforeAll
    static void locate() {
        corpus = Path.of("").toAbsolutePath().resolve("../shared/corpus").normalize();
        if (!Files.isDirectory(corpus)) corpus = Path.of("/work/shared/corpus");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "corpus ../shared/corpus is absent; skipping conformance test");
        runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "corpus");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() {
        if (runner != null) runner.shutdownNow();
    }

    /** Parses in a worker so a hang is a test failure, not a stuck build; FetchException is an acceptable outcome. */
    private ParsedItems parseBounded(Path file, String contentType) throws Exception {
        byte[] body = Files.readAllBytes(file);
        Future<ParsedItems> f = runner.submit(() -> {
            try {
                return feeds.parse(body, contentType, URI.create("http://example.org/feed"), "corpus", Kind.NEWS, NOW);
            } catch (FetchException e) {
                return null;
            }
        });
        return f.get(PER_FILE.toMillis(), TimeUnit.MILLISECONDS); // an escaping RuntimeException fails the test here
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out.stream();
    }

    private static List<Path> files(String dir, String glob) throws IOException {
        Path root = corpus.resolve(dir);
        if (!Files.isDirectory(root)) return List.of();
        var matcher = root.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> matcher.matches(p.getFileName())).sorted().toList();
        }
    }

    @Test
    void gofeedTitlesAndLinksMatchForWellFormedFeeds() throws Exception {
        int compared = 0;
        List<String> mismatches = new ArrayList<>();
        List<Path> inputs = new ArrayList<>(files("gofeed/testdata/translator/rss", "*.xml"));
        inputs.addAll(files("gofeed/testdata/translator/atom", "*.xml"));
        for (Path json : files("gofeed/testdata/translator/json", "*.json")) {
            if (!json.getFileName().toString().endsWith("_expected.json")) inputs.add(json);
        }
        for (Path input : inputs) {
            String name = input.getFileName().toString();
            Path expectedFile = name.endsWith(".xml") ? input.resolveSibling(name.replace(".xml", ".json"))
                    : input.resolveSibling(name.replace(".json", "_expected.json"));
            if (!Files.exists(expectedFile)) continue;
            JsonNode expected = Json.MAPPER.readTree(expectedFile.toFile());
            ParsedItems parsed = parseBounded(input, name.endsWith(".json") ? "application/feed+json" : "application/xml");
            List<JsonNode> wanted = new ArrayList<>();
            for (JsonNode i : expected.path("items")) {
                if (i.hasNonNull("title") || i.hasNonNull("link")) wanted.add(i);
            }
            if (wanted.isEmpty()) continue;
            if (parsed == null) {
                mismatches.add(name + ": not parsed");
                continue;
            }
            List<Item> got = parsed.items();
            for (int k = 0; k < wanted.size(); k++) {
                JsonNode w = wanted.get(k);
                Item g = k < got.size() ? got.get(k) : null;
                compared++;
                String wantTitle = w.hasNonNull("title") ? TextCleaner.title(w.get("title").asText()) : null;
                String wantLink = w.hasNonNull("link") ? w.get("link").asText() : null;
                if (g == null) {
                    mismatches.add(name + "[" + k + "]: missing item (want title=" + wantTitle + ", link=" + wantLink + ")");
                    continue;
                }
                if (wantTitle != null && !Objects.equals(wantTitle, g.title())) {
                    mismatches.add(name + "[" + k + "]: title '" + g.title() + "' != '" + wantTitle + "'");
                }
                // an item with several links: gofeed keeps the last, we keep the first; either is one of its links
                boolean oneOfItsLinks = w.path("links").findValuesAsText("").contains(g.url())
                        || stream(w.path("links")).anyMatch(l -> l.asText().equals(g.url()));
                if (wantLink != null && wantLink.startsWith("http") && !Objects.equals(wantLink, g.url()) && !oneOfItsLinks) {
                    mismatches.add(name + "[" + k + "]: link '" + g.url() + "' != '" + wantLink + "'");
                }
            }
        }
        System.out.println("gofeed: compared " + compared + " items, " + mismatches.size() + " mismatches");
        mismatches.forEach(m -> System.out.println("  " + m));
        assertThat(compared).isGreaterThan(10);
        assertThat(mismatches).isEmpty();
    }

    /**
     * gofeed's format-level parser outputs (RSS items, Atom entries). These keep titles raw
     * (HTML, base64 content) and links unresolved, so only absolute links and titles that are
     * plain text are compared, and the agreement rate is asserted rather than every case.
     */
    @Test
    void gofeedParserOutputsAgreeOnPlainTitlesAndAbsoluteLinks() throws Exception {
        int compared = 0;
        List<String> mismatches = new ArrayList<>();
        for (String format : List.of("rss", "atom")) {
            for (Path input : files("gofeed/testdata/parser/" + format, "*.xml")) {
                Path expectedFile = input.resolveSibling(input.getFileName().toString().replace(".xml", ".json"));
                if (!Files.exists(expectedFile)) continue;
                JsonNode expected = Json.MAPPER.readTree(expectedFile.toFile());
                JsonNode entries = expected.path(format.equals("rss") ? "items" : "entries");
                if (!entries.isArray() || entries.isEmpty()) continue;
                ParsedItems parsed = parseBounded(input, "application/xml");
                List<Item> got = parsed == null ? List.of() : parsed.items();
                if (got.size() != entries.size()) continue; // entries without title, link or id are not items for us
                for (int k = 0; k < entries.size(); k++) {
                    JsonNode w = entries.get(k);
                    Item g = got.get(k);
                    String title = w.path("title").asText(null);
                    if (title != null && !title.contains("<") && !title.contains("&") && !title.isBlank()) {
                        compared++;
                        if (!title.trim().replaceAll("\\s+", " ").equals(g.title())) {
                            mismatches.add(input.getFileName() + "[" + k + "]: title '" + g.title() + "' != '" + title + "'");
                        }
                    }
                    String link = format.equals("rss") ? w.path("link").asText(null) : atomLink(w);
                    if (link != null && link.matches("https?://[^\\s]+")) {
                        compared++;
                        boolean oneOfItsLinks = stream(w.path("links")).anyMatch(l -> l.asText().equals(g.url()));
                        if (!link.equals(g.url()) && !oneOfItsLinks) mismatches.add(input.getFileName() + "[" + k + "]: link '" + g.url() + "' != '" + link + "'");
                    }
                }
            }
        }
        System.out.println("gofeed parser outputs: compared " + compared + " titles/links, " + mismatches.size() + " mismatches");
        mismatches.forEach(m -> System.out.println("  " + m));
        assertThat(compared).isGreaterThan(20);
        assertThat(mismatches.size()).isLessThanOrEqualTo(compared / 20); // at least 95% agreement
    }

    /**
     * gofeed's parser inputs whose entries carry a description (summary, content) but neither a
     * title nor a link: a tolerant reader keeps them, so do we, titled from their text.
     */
    @Test
    void gofeedEntriesWithOnlyADescriptionAreKept() throws Exception {
        int documents = 0;
        List<String> lost = new ArrayList<>();
        for (String format : List.of("rss", "atom")) {
            for (Path input : files("gofeed/testdata/parser/" + format, "*.xml")) {
                Path expectedFile = input.resolveSibling(input.getFileName().toString().replace(".xml", ".json"));
                if (!Files.exists(expectedFile)) continue;
                JsonNode entries = Json.MAPPER.readTree(expectedFile.toFile()).path(format.equals("rss") ? "items" : "entries");
                if (!entries.isArray() || entries.isEmpty() || !stream(entries).allMatch(CorpusConformanceTest::onlyText)) continue;
                documents++;
                ParsedItems parsed = parseBounded(input, "application/xml");
                int got = parsed == null ? 0 : parsed.items().size();
                if (got != entries.size()) lost.add(input.getFileName() + ": " + got + " of " + entries.size() + " entries");
                else if (parsed.items().stream().anyMatch(i -> i.title() == null || i.title().isBlank())) lost.add(input.getFileName() + ": untitled");
            }
        }
        System.out.println("gofeed description-only documents: " + documents + ", " + (documents - lost.size()) + " kept every entry");
        lost.forEach(m -> System.out.println("  " + m));
        assertThat(documents).isGreaterThan(10);
        assertThat(lost.size()).isLessThanOrEqualTo(documents / 10);
    }

    private static boolean onlyText(JsonNode entry) {
        boolean titled = !entry.path("title").asText("").isBlank();
        boolean linked = !entry.path("link").asText("").isBlank() || entry.path("links").size() > 0;
        String text = entry.path("description").asText("") + entry.path("summary").asText("")
                + (entry.path("content").isObject() ? entry.path("content").path("value").asText("") : entry.path("content").asText(""));
        return !titled && !linked && !text.isBlank();
    }

    private static String atomLink(JsonNode entry) {
        for (JsonNode l : entry.path("links")) {
            String rel = l.path("rel").asText("alternate");
            if (rel.equals("alternate")) return l.path("href").asText(null);
        }
        return null;
    }

    @Test
    void everyFeedInTheCorpusParsesOrFailsCleanlyWithoutHanging() throws Exception {
        List<Path> all = new ArrayList<>(files("gofeed/testdata", "*.xml"));
        all.addAll(files("rome", "*.xml"));
        all.addAll(files("gofeed/testdata", "*.json"));
        int parsed = 0;
        for (Path p : all) {
            if (parseBounded(p, null) != null) parsed++;
        }
        System.out.println("corpus feeds: " + all.size() + " files, " + parsed + " parsed as feeds");
        assertThat(all).isNotEmpty();
        assertThat(parsed).isGreaterThan(all.size() / 2);
    }

    @Test
    void hostileXmlIsRefusedOrDefusedQuickly() throws Exception {
        List<Path> all = new ArrayList<>(files("hostile", "*.xml"));
        all.addAll(files("hostile", "*.xsd"));
        all.addAll(files("hostile", "*.xsl"));
        for (Path p : all) {
            long start = System.nanoTime();
            ParsedItems r = parseBounded(p, "text/xml");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(p.toString()).isLessThan(PER_FILE);
            if (r != null) {
                for (Item i : r.items()) {
                    assertThat(Objects.toString(i.title(), "") + Objects.toString(i.summary(), ""))
                            .as(p.toString()).doesNotContain("root:x:0:0");
                }
            }
        }
        assertThat(all).isNotEmpty();
    }

    @Test
    void schemaOrgJobPostingExamplesAreExtractedAndPlainVersionsAreNot() throws Exception {
        JobPostingExtractor extractor = new JobPostingExtractor();
        Path dir = corpus.resolve("jobposting/schemaorg/examples");
        Assumptions.assumeTrue(Files.isDirectory(dir));
        int withData = 0;
        for (JsonNode e : Json.MAPPER.readTree(dir.resolve("index.json").toFile())) {
            boolean isJob = e.path("types").asText().contains("JobPosting");
            for (var f : (Iterable<java.util.Map.Entry<String, JsonNode>>) e.path("files")::fields) {
                Path file = dir.resolve(f.getValue().asText());
                List<Item> items = extractor.extract(Jsoup.parse(file.toFile(), null, "https://example.com/jobs/" + file.getFileName()), "schemaorg", NOW);
                switch (f.getKey()) {
                    case "plain", "rdfa" -> assertThat(items).as(file.toString()).isEmpty();
                    default -> {
                        if (isJob && !items.isEmpty()) withData++;
                        assertThat(items).as(file.toString()).allSatisfy(i -> assertThat(i.title()).isNotBlank());
                    }
                }
            }
        }
        System.out.println("schema.org JobPosting examples with items: " + withData);
        assertThat(withData).isGreaterThanOrEqualTo(5);
    }

    @Test
    void jsonLdEdgeCasesNeverThrow() throws Exception {
        JobPostingExtractor extractor = new JobPostingExtractor();
        List<Path> pages = files("jobposting/extruct-jsonld-edgecases", "*.html");
        int blocks = 0;
        for (Path p : pages) {
            var doc = Jsoup.parse(p.toFile(), null, "https://example.com/");
            blocks += JsonLdReader.blocks(doc).size();
            extractor.extract(doc, "edge", NOW);
        }
        System.out.println("extruct edge cases: " + pages.size() + " pages, " + blocks + " JSON-LD blocks read");
        assertThat(blocks).isGreaterThan(0);
    }
}
