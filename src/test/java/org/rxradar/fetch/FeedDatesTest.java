package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.impl.DateParser;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.input.SAXBuilder;
import org.junit.jupiter.api.Test;

/** The date shortcut must give exactly the instant ROME's own date parser gives, or stay out of the way. */
class FeedDatesTest {
    private static final List<String> COMMON = List.of(
            "Mon, 23 Nov 2026 10:00:00 GMT", "Mon, 23 Nov 2026 10:00:00 +0000", "23 Nov 2026 10:00 GMT",
            "Tue, 1 Dec 2026 08:05:09 -0530", "Wed, 02 Dec 2026 23:59:59 EST", "Wed, 02 Jul 2026 23:59:59 EDT",
            "Thu, 03 Dec 2026 00:00:00 PST", "Fri, 04 Dec 2026 12:00:00 UT", "Sat, 05 Dec 2026 12:00:00 Z",
            "Sat, 05 Dec 2026 12:00:00 UTC", "Sun, 31 Jan 2021 01:02:03 CDT",
            "2026-11-23T10:00:00Z", "2026-11-23T10:00:00.123Z", "2026-11-23T10:00Z", "2026-11-23T10:00:00+01:00",
            "2026-11-23T10:00:00.250-05:00", "  2026-11-23T10:00:00Z\n", "2026-11-23T10:00:00.000Z", "2024-02-29T23:59:59.999Z");
    // left to ROME: no zone, two-digit year, fractions other than milliseconds, impossible dates, odd case
    private static final List<String> LEFT_ALONE = List.of(
            "2026-11-23T10:00:00", "Mon, 23 Nov 26 10:00:00 GMT", "2026-11-23T10:00:00.5Z", "2026-11-23T10:00:00.123456Z",
            "Mon, 31 Nov 2026 10:00:00 GMT", "Mon, 23 Nov 2026 25:00:00 GMT", "mon, 23 nov 2026 10:00:00 gmt",
            "2026-11-23", "yesterday", "", "Mon, 23 Nov 1850 10:00:00 GMT", "2026-02-30T10:00:00.000Z", "2026-1x-23T10:00:00.000Z");

    @Test
    void commonShapesGiveTheInstantRomeGives() {
        for (String text : COMMON) {
            Instant ours = FeedDates.readCommon(text);
            assertThat(ours).as(text).isNotNull();
            assertThat(ours).as(text).isEqualTo(DateParser.parseDate(text.trim(), Locale.US).toInstant());
        }
    }

    @Test
    void otherShapesAreLeftToRome() {
        for (String text : LEFT_ALONE) assertThat(FeedDates.readCommon(text)).as(text).isNull();
    }

    @Test
    void rewrittenDatesReadBackToTheSameInstantAndOthersAreUntouched() throws Exception {
        String xml = "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
                + "<lastBuildDate>Mon, 23 Nov 2026 10:00:00 GMT</lastBuildDate>"
                + "<item><pubDate>Tue, 1 Dec 2026 08:05:09 -0530</pubDate><dc:date>2026-11-23T10:00:00+01:00</dc:date>"
                + "<other>Mon, 23 Nov 2026 10:00:00 GMT</other><pubDate2>x</pubDate2></item>"
                + "<item><pubDate>2026-11-23T10:00:00</pubDate></item></channel></rss>";
        Document doc = new SAXBuilder().build(new StringReader(xml));
        FeedDates.prepareForRome(doc);
        var channel = doc.getRootElement().getChild("channel");
        var first = channel.getChildren("item").get(0);
        assertRomeReads(channel.getChildText("lastBuildDate"), "2026-11-23T10:00:00Z");
        assertRomeReads(first.getChildText("pubDate"), "2026-12-01T13:35:09Z");
        assertRomeReads(first.getChild("date", org.jdom2.Namespace.getNamespace("http://purl.org/dc/elements/1.1/")).getText(),
                "2026-11-23T09:00:00Z");
        assertThat(first.getChildText("other")).isEqualTo("Mon, 23 Nov 2026 10:00:00 GMT");
        assertThat(channel.getChildren("item").get(1).getChildText("pubDate")).isEqualTo("2026-11-23T10:00:00");
    }

    @Test
    void feedParserGivesTheDatesPlainRomeGivesForRssAndAtom() throws Exception {
        StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title><link>http://example.org/</link>");
        StringBuilder atom = new StringBuilder("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:t</id>");
        List<String> texts = new java.util.ArrayList<>(COMMON);
        texts.addAll(LEFT_ALONE);
        for (int i = 0; i < texts.size(); i++) {
            rss.append("<item><title>r").append(i).append("</title><link>http://example.org/r").append(i)
                    .append("</link><pubDate>").append(texts.get(i)).append("</pubDate></item>");
            atom.append("<entry><title>a").append(i).append("</title><id>urn:a").append(i).append("</id>")
                    .append("<link href=\"http://example.org/a").append(i).append("\"/>")
                    .append("<updated>").append(texts.get(i)).append("</updated>")
                    .append(i % 2 == 0 ? "<published>" + texts.get(i) + "</published>" : "").append("</entry>");
        }
        // two pubDates: ROME reads the first; the shortcut stays out of the way
        rss.append("<item><title>twice</title><link>http://example.org/twice</link>"
                + "<pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>");
        for (String feed : List.of(rss.append("</channel></rss>").toString(), atom.append("</feed>").toString())) {
            var input = new com.rometools.rome.io.SyndFeedInput();
            input.setAllowDoctypes(true);
            var entries = input.build(new StringReader(feed)).getEntries();
            Instant fetched = Instant.parse("2030-01-01T00:00:00Z");
            var items = new FeedParser().parse(feed.getBytes(java.nio.charset.StandardCharsets.UTF_8), null,
                    java.net.URI.create("http://example.org/feed"), "dates", org.rxradar.model.Kind.NEWS, fetched).items();
            assertThat(items).hasSize(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                var e = entries.get(i);
                java.util.Date romeDate = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
                Instant expected = Dates.plausible(romeDate == null ? null : romeDate.toInstant(), fetched);
                assertThat(items.get(i).published()).as(e.getTitle()).isEqualTo(expected == null ? fetched : expected);
            }
        }
    }

    private static void assertRomeReads(String rewritten, String expected) {
        assertThat(rewritten).endsWith("Z").contains(".");
        assertThat(DateParser.parseDate(rewritten, Locale.US).toInstant()).isEqualTo(Instant.parse(expected));
    }
}
