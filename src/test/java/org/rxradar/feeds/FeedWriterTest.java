package org.rxradar.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.config.SourceNames;
import org.rxradar.model.Certification;
import org.rxradar.model.TaggedItem;

class FeedWriterTest {
    static final Instant T = Instant.parse("2026-11-20T12:00:00Z");
    final FeedWriter writer = new FeedWriter("https://rxradar.example.org/");

    @Test
    void atomEntryCarriesCategoriesAuthorDatesSummaryAndLeadFields() throws Exception {
        TaggedItem job = Items.job("a1", T, List.of("hospital", "compounding"), List.of("compounding"), "TX");
        SyndFeed feed = parse(writer.write(FeedFormat.ATOM, "RxRadar: hospital pharmacy", "desc",
                "/feeds/settings/hospital.atom", T.plusSeconds(60), List.of(job)));

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("RxRadar: hospital pharmacy");
        assertThat(feed.getUri()).isEqualTo("https://rxradar.example.org/feeds/settings/hospital.atom");
        SyndEntry e = feed.getEntries().get(0);
        assertThat(e.getTitle()).isEqualTo("Pharmacy Technician a1");
        assertThat(e.getLink()).isEqualTo("https://jobs.example.com/a1");
        assertThat(e.getAuthor()).isEqualTo("Mercy Medical Center");
        assertThat(e.getPublishedDate().toInstant()).isEqualTo(T);
        assertThat(e.getUpdatedDate().toInstant()).isEqualTo(T.plusSeconds(60));
        assertThat(e.getCategories()).extracting(SyndCategory::getName).containsExactly("hospital", "compounding", "compounding");
        assertThat(e.getCategories()).extracting(SyndCategory::getLabel).containsExactly("Hospital", "Compounding", "Compounding");
        assertThat(e.getCategories()).extracting(SyndCategory::getTaxonomyUri).containsExactly(
                "https://rxradar.example.org/feeds/settings", "https://rxradar.example.org/feeds/settings",
                "https://rxradar.example.org/feeds/topics");
        assertThat(e.getDescription().getValue()).isEqualTo("Fill prescriptions and manage inventory.");
        String content = e.getContents().get(0).getValue();
        assertThat(content).contains("$18.50\u2013$22.00/hr", "Austin, TX", "PTCB CPhT (required)", "CSPT (preferred)", "Full-time",
                "Day", "<b>Source:</b> indeed");
    }

    @Test
    void rssEntryCarriesCategoriesAuthorDateAndContent() throws Exception {
        TaggedItem job = Items.job("a1", T, List.of("retail"), List.of("workforce"), "CA");
        TaggedItem news = Items.news("n1", T.minusSeconds(60), List.of(), List.of("regulation"));
        SyndFeed feed = parse(writer.write(FeedFormat.RSS, "RxRadar: all", "Everything", "/feeds/all.rss", T, List.of(job, news)));

        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getEntries()).hasSize(2);
        SyndEntry e = feed.getEntries().get(0);
        // RSS has no label: the text a reader shows is the label, the domain tells the facet
        assertThat(e.getCategories()).extracting(SyndCategory::getName).containsExactly("Retail", "Workforce");
        assertThat(e.getCategories()).extracting(SyndCategory::getTaxonomyUri).containsExactly(
                "https://rxradar.example.org/feeds/settings", "https://rxradar.example.org/feeds/topics");
        assertThat(e.getAuthor()).isEqualTo("Mercy Medical Center");
        assertThat(e.getPublishedDate().toInstant()).isEqualTo(T);
        assertThat(e.getContents().get(0).getValue()).contains("Austin, CA", "PTCB CPhT (required)");
        assertThat(feed.getEntries().get(1).getAuthor()).as("news falls back to the source").isEqualTo("Pharmacy Times");
    }

    @Test
    void atomCategoryTermIsTheIdAndLabelTheLabel() {
        TaggedItem job = Items.job("a1", T, List.of("long-term-care", "home-infusion"), List.of("hazardous-drugs"), "TX");
        String atom = new String(writer.write(FeedFormat.ATOM, "t", "d", "/feeds/all.atom", T, List.of(job)), StandardCharsets.UTF_8);
        assertThat(atom).contains("term=\"long-term-care\"", "label=\"Long-term care\"", "term=\"home-infusion\"",
                "label=\"Home infusion\"", "term=\"hazardous-drugs\"", "label=\"Hazardous drugs\"");
        String rss = new String(writer.write(FeedFormat.RSS, "t", "d", "/feeds/all.rss", T, List.of(job)), StandardCharsets.UTF_8);
        assertThat(rss).contains(">Long-term care</category>", ">Hazardous drugs</category>").doesNotContain(">long-term-care<");
    }

    @Test
    void sourcesReadAsTheirNamesInAuthorSourceAndContent() throws Exception {
        FeedWriter named = new FeedWriter("https://rxradar.example.org", SourceNames.of(List.of(
                new RxRadarConfig.Source("sample-health-system-careers-rss", "rss", "job", "https://careers.example.org/rss",
                        null, "Sample Health System careers", null, null))));
        TaggedItem job = Items.job("a1", T, List.of("hospital"), List.of(), "TX");
        TaggedItem lead = new TaggedItem(1, "a1", job.kind(), "sample-health-system-careers-rss", job.url(), job.title(), job.summary(),
                T, false, T, null, null, job.location(), job.settings(), job.topics(), null, null, true, job.salary(),
                List.of(Certification.anyOf(List.of("PTCB-CPhT", "NHA-ExCPT"), true)), null, List.of(), null, T);
        TaggedItem news = new TaggedItem(1, "n1", Items.news("n1", T, List.of(), List.of()).kind(), "unnamed-news", "https://news.example.com/n1",
                "News", "A story.", T, false, T, null, null, null, List.of(), List.of("regulation"), null, null, true, null, null, null,
                null, null, T);
        byte[] atomBytes = named.write(FeedFormat.ATOM, "t", "d", "/feeds/all.atom", T, List.of(lead, news));
        String atom = new String(atomBytes, StandardCharsets.UTF_8);
        SyndFeed feed = parse(atomBytes);
        SyndEntry e = feed.getEntries().get(0);
        assertThat(e.getAuthor()).as("no employer: the source's name").isEqualTo("Sample Health System careers");
        assertThat(e.getSource().getTitle()).isEqualTo("Sample Health System careers");
        assertThat(e.getContents().get(0).getValue()).contains("PTCB CPhT or NHA ExCPT (required)", "<b>Source:</b> Sample Health System careers");
        assertThat(atom).doesNotContain("sample-health-system-careers-rss");
        assertThat(feed.getEntries().get(1).getAuthor()).as("a source without a name reads as its id").isEqualTo("unnamed-news");
        SyndFeed rss = parse(named.write(FeedFormat.RSS, "t", "d", "/feeds/all.rss", T, List.of(lead)));
        assertThat(rss.getEntries().get(0).getAuthor()).isEqualTo("Sample Health System careers");
    }

    @Test
    void hostileTextIsEscapedAndControlCharactersDropped() throws Exception {
        TaggedItem job = Items.job("x", T, List.of("retail"), List.of(), "TX");
        TaggedItem hostile = new TaggedItem(1, "x", job.kind(), job.source(), job.url(), "Tech <script>alert(1)</script>\u0001",
                "a & b \u0007", T, false, T, null, "Bad <b>Employer</b>", job.location(), job.settings(), job.topics(), null, null,
                true, job.salary(), job.certifications(), null, null, null, T);
        byte[] atom = writer.write(FeedFormat.ATOM, "t", "d", "/feeds/all.atom", T, List.of(hostile));
        SyndEntry e = parse(atom).getEntries().get(0);
        assertThat(e.getTitle()).isEqualTo("Tech <script>alert(1)</script>");
        assertThat(e.getContents().get(0).getValue()).contains("Bad &lt;b&gt;Employer&lt;/b&gt;").doesNotContain("<b>Employer</b>");
        assertThat(new String(atom, StandardCharsets.UTF_8)).doesNotContain("<script>");
    }

    @Test
    void rssDescriptionIsHtmlEscapedSoTextThatReadsLikeMarkupStaysText() throws Exception {
        // a source that double-encoded its HTML ("&amp;lt;script&amp;gt;") leaves markup-looking text in the summary
        TaggedItem job = Items.job("x", T, List.of("retail"), List.of(), "TX");
        TaggedItem item = new TaggedItem(1, "x", job.kind(), job.source(), job.url(), job.title(), "Use <script>alert(1)</script> & <b>care</b>",
                T, false, T, null, job.employer(), job.location(), job.settings(), job.topics(), null, null, true, job.salary(),
                job.certifications(), null, null, null, T);

        // what a feed reader gets once it has parsed the XML: RSS readers render it as HTML
        String rss = descriptionAsParsed(writer.write(FeedFormat.RSS, "t", "d", "/feeds/all.rss", T, List.of(item)), "description");
        assertThat(rss).isEqualTo("Use &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;care&lt;/b&gt;").doesNotContain("<script");
        // Atom marks it as text, so the text itself is right there
        String atom = descriptionAsParsed(writer.write(FeedFormat.ATOM, "t", "d", "/feeds/all.atom", T, List.of(item)), "summary");
        assertThat(atom).isEqualTo("Use <script>alert(1)</script> & <b>care</b>");
    }

    private static String descriptionAsParsed(byte[] xml, String element) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.NodeList entries = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getElementsByTagNameNS("*", element);
        // the channel has a description of its own in RSS: the entry's is the last
        return entries.item(entries.getLength() - 1).getTextContent();
    }

    static SyndFeed parse(byte[] xml) throws Exception {
        return new SyndFeedInput().build(new InputStreamReader(new ByteArrayInputStream(xml), StandardCharsets.UTF_8));
    }
}
