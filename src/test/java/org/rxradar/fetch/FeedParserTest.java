package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.model.Item;
import org.rxradar.model.Kind;

class FeedParserTest {
    private static final URI BASE = URI.create("http://example.org/news/feed.xml");
    private static final Instant NOW = Instant.parse("2026-11-24T05:00:00Z");
    private final FeedParser parser = new FeedParser();

    private List<Item> parse(String body, String contentType) throws FetchException {
        return parse(body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    private List<Item> parse(byte[] body, String contentType) throws FetchException {
        return parser.parse(body, contentType, BASE, "src", Kind.NEWS, NOW).items();
    }

    private static String rss(String items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>http://example.org/</link>"
                + items + "</channel></rss>";
    }

    @Test
    void rss2WithHtmlTitleRelativeLinkAndDate() throws Exception {
        List<Item> items = parse(rss("<item><title>Techs &amp; &lt;b&gt;pharmacists&lt;/b&gt;</title>"
                + "<link>/news/1?utm_source=x</link><description>&lt;p&gt;Hello&lt;script&gt;bad()&lt;/script&gt; <![CDATA[<i>world</i>]]>&lt;/p&gt;</description>"
                + "<pubDate>Mon, 23 Nov 2026 10:00:00 EST</pubDate></item>"), "application/rss+xml");
        assertThat(items).hasSize(1);
        Item i = items.get(0);
        assertThat(i.title()).isEqualTo("Techs & pharmacists");
        assertThat(i.url()).isEqualTo("http://example.org/news/1?utm_source=x");
        assertThat(i.summary()).isEqualTo("Hello world");
        assertThat(i.published()).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
        assertThat(i.publishedEstimated()).isFalse();
        assertThat(i.kind()).isEqualTo(Kind.NEWS);
        assertThat(i.source()).isEqualTo("src");
    }

    @Test
    void atom10() throws Exception {
        String atom = "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>"
                + "<id>urn:x</id><updated>2026-11-20T00:00:00Z</updated><entry><title type=\"html\">Atom &amp;amp; entry</title>"
                + "<link href=\"entry/2\"/><id>urn:e2</id><updated>2026-11-20T08:30:00+01:00</updated>"
                + "<summary>S</summary></entry></feed>";
        Item i = parse(atom, "application/atom+xml").get(0);
        assertThat(i.title()).isEqualTo("Atom & entry");
        assertThat(i.url()).isEqualTo("http://example.org/news/entry/2");
        assertThat(i.published()).isEqualTo(Instant.parse("2026-11-20T07:30:00Z"));
    }

    @Test
    void rdfRss10() throws Exception {
        String rdf = "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                + "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<channel rdf:about=\"http://example.org/\"><title>R</title><link>http://example.org/</link><description>d</description></channel>"
                + "<item rdf:about=\"http://example.org/r1\"><title>RDF item</title><link>http://example.org/r1</link>"
                + "<dc:date>2026-11-01T12:00:00Z</dc:date></item></rdf:RDF>";
        Item i = parse(rdf, "application/rdf+xml").get(0);
        assertThat(i.title()).isEqualTo("RDF item");
        assertThat(i.published()).isEqualTo(Instant.parse("2026-11-01T12:00:00Z"));
    }

    @Test
    void jsonFeed11() throws Exception {
        String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"home_page_url\":\"http://example.org/blog/\","
                + "\"items\":[{\"id\":\"1\",\"url\":\"posts/1\",\"title\":\"Json <em>item</em>\",\"content_html\":\"<p>Body</p>\","
                + "\"date_published\":\"2026-11-02T10:00:00-05:00\"},{\"id\":\"2\",\"content_text\":\"no url\"}]}";
        List<Item> items = parse(json, "application/feed+json");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).url()).isEqualTo("http://example.org/blog/posts/1");
        assertThat(items.get(0).title()).isEqualTo("Json item");
        assertThat(items.get(0).published()).isEqualTo(Instant.parse("2026-11-02T15:00:00Z"));
        assertThat(items.get(1).url()).isNull();
        assertThat(items.get(1).publishedEstimated()).isTrue();
    }

    @Test
    void encodingFromPrologAndFromHttpHeaderAndUtf16Bom() throws Exception {
        String doc = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + rss("<item><title>Caf\u00e9 r\u00e9sum\u00e9</title><link>http://e.org/1</link></item>")
                .substring("<?xml version=\"1.0\"?>".length());
        assertThat(parse(doc.getBytes(Charset.forName("ISO-8859-1")), "text/xml").get(0).title()).isEqualTo("Caf\u00e9 r\u00e9sum\u00e9");

        String noProlog = rss("<item><title>\u201cSmart\u201d quotes</title><link>http://e.org/2</link></item>");
        byte[] cp1252 = noProlog.replace("<?xml version=\"1.0\"?>", "").getBytes(Charset.forName("windows-1252"));
        assertThat(parse(cp1252, "application/xml; charset=windows-1252").get(0).title()).isEqualTo("\u201cSmart\u201d quotes");

        byte[] utf16 = rss("<item><title>UTF-16 \u00fcber</title><link>http://e.org/3</link></item>")
                .replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>").getBytes(StandardCharsets.UTF_16);
        assertThat(parse(utf16, null).get(0).title()).isEqualTo("UTF-16 \u00fcber");
    }

    @Test
    void netscapeDoctypeAndHtmlEntitiesStillParse() throws Exception {
        String rss091 = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\"><channel><title>N</title>"
                + "<link>http://example.org/</link><description>d</description><language>en</language>"
                + "<item><title>Old&nbsp;school &mdash; feed</title><link>http://example.org/old</link></item></channel></rss>";
        long start = System.nanoTime();
        Item i = parse(rss091, "text/xml").get(0);
        assertThat(i.title()).isEqualTo("Old school \u2014 feed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void internalEntitiesDeclaredInTheDoctypeAreExpanded() throws Exception {
        String doc = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY co \"Acme &amp; Sons\"><!ENTITY nbsp \"&#160;\">]>"
                + "<rss version=\"2.0\"><channel><title>J</title><item><title>Jobs at &co;&nbsp;now</title><link>http://e.org/1</link></item></channel></rss>";
        assertThat(parse(doc, "text/xml").get(0).title()).isEqualTo("Jobs at Acme & Sons now");
    }

    @Test
    void externalEntityIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss version=\"2.0\"><channel><title>x</title><link>http://e.org/</link>"
                + "<item><title>Leak &xxe; here</title><link>http://e.org/x</link><description>&xxe;</description></item></channel></rss>";
        List<Item> items;
        try {
            items = parse(xxe, "text/xml");
        } catch (FetchException refused) {
            return; // refusing the document is as good as not reading the file
        }
        assertThat(items).allSatisfy(i -> {
            assertThat(String.valueOf(i.title())).doesNotContain("TOP-SECRET");
            assertThat(String.valueOf(i.summary())).doesNotContain("TOP-SECRET");
        });
    }

    @Test
    void entityBombsAreRefusedQuickly() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) bomb.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            bomb.append("\">");
        }
        bomb.append("]><rss version=\"2.0\"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>");
        String quadratic = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"" + "x".repeat(100_000) + "\">]><rss version=\"2.0\"><channel><title>"
                + "&a;".repeat(10_000) + "</title></channel></rss>";
        String manyRefs = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"" + "y".repeat(1000) + "\">]><rss version=\"2.0\"><channel><title>"
                + "&a;".repeat(10_000) + "</title></channel></rss>";
        long start = System.nanoTime();
        assertThatThrownBy(() -> parse(manyRefs, "text/xml")).isInstanceOf(FetchException.class).hasMessageContaining("entity expansion");
        assertThatThrownBy(() -> parse(bomb.toString(), "text/xml")).isInstanceOf(FetchException.class).hasMessageContaining("entit");
        assertThatThrownBy(() -> parse(quadratic, "text/xml")).isInstanceOf(FetchException.class).hasMessageContaining("entit");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void malformedXmlIsRecoveredLeniently() throws Exception {
        String broken = "\n\n  " + rss("<item><title>Tom & Jerry\u0001 hiring</title><link>http://e.org/tj?a=1&b=2</link></item>")
                + "\n<!-- trailing --> garbage after the root </div>";
        Item i = parse(broken, "text/xml").get(0);
        assertThat(i.title()).isEqualTo("Tom & Jerry hiring");
        assertThat(i.url()).isEqualTo("http://e.org/tj?a=1&b=2");
    }

    @Test
    void unrecoverableXmlIsAClearError() {
        assertThatThrownBy(() -> parse("<rss version=\"2.0\"<channel><item><title>x", "text/xml"))
                .isInstanceOf(FetchException.class).hasMessageContaining("not a parseable");
        assertThatThrownBy(() -> parse("<catalog><book>not a feed</book>", "text/xml"))
                .isInstanceOf(FetchException.class).hasMessageContaining("not a parseable");
    }

    @Test
    void anEntryTheDocumentEndsInsideOfIsLeftOutAndSaysSo() throws Exception {
        ParsedItems p = parser.parse("<rss><channel><item><title>never closed".getBytes(StandardCharsets.UTF_8), "text/xml", BASE, "src", Kind.NEWS, NOW);
        assertThat(p.items()).isEmpty();
        assertThat(p.notice()).isEqualTo("no entry could be kept (1 left out)");
        assertThat(p.dropped()).containsEntry("cut off by the end of the document", 1);
    }

    @Test
    void externalEntityIsNeverReadByTheLenientPassEither(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        // malformed (a stray '&', no end tags) so that the lenient pass, which drops the DOCTYPE, reads it
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss version=\"2.0\"><channel><title>x & y</title><link>http://e.org/</link>"
                + "<item><title>Leak &xxe; here</title><link>http://e.org/x</link><description>&xxe;</description></item>";
        List<Item> items = parse(xxe, "text/xml");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).title()).isEqualTo("Leak &xxe; here");
        assertThat(String.valueOf(items.get(0).summary())).doesNotContain("TOP-SECRET");
    }

    @Test
    void htmlWhereAFeedWasExpectedNamesTheOfferedFeed() {
        String html = "<!DOCTYPE html><html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/jobs.rss\"></head><body>x</body></html>";
        assertThatThrownBy(() -> parse(html, "text/html"))
                .hasMessageContaining("HTML page where a feed was expected").hasMessageContaining("http://example.org/jobs.rss");
    }

    @Test
    void wrongContentTypeIsIgnoredWhenTheBodyIsAFeed() throws Exception {
        assertThat(parse(rss("<item><title>x</title><link>http://e.org/x</link></item>"), "text/html; charset=utf-8")).hasSize(1);
        assertThat(parse("{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[{\"id\":\"a\",\"title\":\"t\"}]}", "text/plain")).hasSize(1);
    }

    @Test
    void invalidAndMissingDatesUseTheFetchTimeFlagged() throws Exception {
        List<Item> items = parse(rss("<item><title>a</title><link>http://e.org/a</link><pubDate>yesterday-ish</pubDate></item>"
                + "<item><title>b</title><link>http://e.org/b</link></item>"
                + "<item><title>c</title><link>http://e.org/c</link><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>"), "text/xml");
        assertThat(items).hasSize(3).allSatisfy(i -> {
            assertThat(i.published()).isEqualTo(NOW);
            assertThat(i.publishedEstimated()).isTrue();
        });
    }

    @Test
    void emptyFeedIsNoErrorButSaysSo() throws Exception {
        ParsedItems p = parser.parse(rss("").getBytes(StandardCharsets.UTF_8), "text/xml", BASE, "src", Kind.NEWS, NOW);
        assertThat(p.items()).isEmpty();
        assertThat(p.notice()).contains("no entries");
        assertThatThrownBy(() -> parse(new byte[0], "text/xml")).hasMessageContaining("empty");
    }

    @Test
    void jobFeedExtensionElementsFillEmployerAndLocation() throws Exception {
        String job = "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:job=\"http://example.org/job\"><channel><title>J</title><link>http://e.org/</link>"
                + "<item><title>Pharmacy Technician</title><link>http://e.org/j1</link><job:company>Acme Pharmacy</job:company>"
                + "<job:location>Fresno, CA</job:location></item></channel></rss>";
        Item i = parser.parse(job.getBytes(StandardCharsets.UTF_8), "text/xml", BASE, "jobs", Kind.JOB, NOW).items().get(0);
        assertThat(i.kind()).isEqualTo(Kind.JOB);
        assertThat(i.employer()).isEqualTo("Acme Pharmacy");
        assertThat(i.location()).isEqualTo("Fresno, CA");
    }

    @Test
    void theFullerOfSummaryAndContentBecomesTheSummary() throws Exception {
        String atom = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>J</title><id>urn:j</id>"
                + "<updated>2026-11-23T10:00:00Z</updated>"
                + "<entry><title>IV Tech</title><id>urn:1</id><link href=\"http://e.org/1\"/><updated>2026-11-23T10:00:00Z</updated>"
                + "<summary>Temple, TX - nights</summary>"
                + "<content type=\"html\">&lt;p&gt;Temple, TX - nights.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;PTCB certification (CPhT) required&lt;/li&gt;&lt;/ul&gt;</content>"
                + "</entry></feed>";
        Item item = parser.parse(atom.getBytes(StandardCharsets.UTF_8), "application/atom+xml", BASE, "jobs", Kind.JOB, NOW).items().get(0);
        assertThat(item.summary()).contains("CPhT) required").doesNotContain("<li>");
    }

    @Test
    void jobFeedEntryAuthorIsTheEmployerWhenNothingElseNamesOne() throws Exception {
        String atom = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>J</title><id>urn:j</id>"
                + "<updated>2026-11-23T10:00:00Z</updated>"
                + "<entry><title>IV Tech</title><id>urn:1</id><link href=\"http://e.org/1\"/><updated>2026-11-23T10:00:00Z</updated>"
                + "<author><name>Lakeside Health</name></author></entry>"
                + "<entry><title>Tech</title><id>urn:2</id><link href=\"http://e.org/2\"/><updated>2026-11-23T10:00:00Z</updated>"
                + "<author><name>jobs@e.org</name></author></entry></feed>";
        List<Item> jobs = parser.parse(atom.getBytes(StandardCharsets.UTF_8), "application/atom+xml", BASE, "jobs", Kind.JOB, NOW).items();
        assertThat(jobs.get(0).employer()).isEqualTo("Lakeside Health");
        assertThat(jobs.get(1).employer()).isNull();
        List<Item> news = parser.parse(atom.getBytes(StandardCharsets.UTF_8), "application/atom+xml", BASE, "n", Kind.NEWS, NOW).items();
        assertThat(news.get(0).employer()).isNull();
    }

    @Test
    void jobFeedPlainElementsFillEmployerAndLocation() throws Exception {
        String job = "<rss version=\"2.0\"><channel><title>J</title><item><title>Tech</title><link>http://e.org/1</link>"
                + "<company>Acme</company><location>Reno, NV</location></item><item><title>Tech 2</title><link>http://e.org/2</link></item></channel></rss>";
        List<Item> items = parser.parse(job.getBytes(StandardCharsets.UTF_8), "text/xml", BASE, "jobs", Kind.JOB, NOW).items();
        assertThat(items.get(0).employer()).isEqualTo("Acme");
        assertThat(items.get(0).location()).isEqualTo("Reno, NV");
        assertThat(items.get(1).employer()).isNull();
    }

    @Test
    void guidOnlyItemsGetSourceScopedIds() throws Exception {
        List<Item> items = parse(rss("<item><guid isPermaLink=\"false\">g-1</guid><title>one</title></item>"
                + "<item><guid isPermaLink=\"false\">g-2</guid><title>two</title></item>"), "text/xml");
        assertThat(items).extracting(Item::id).doesNotHaveDuplicates().hasSize(2);
    }
}
