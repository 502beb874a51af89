package org.rxradar.fetch.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.rxradar.fetch.FetchException;

class SitemapParserTest {
    private static final URI BASE = URI.create("https://www.sierra-foothill.example/sitemap.xml");
    private static final Pattern JOBS = Pattern.compile(SitemapReader.DEFAULT_INCLUDE);

    private final List<SitemapEntry> matched = new ArrayList<>();

    private SitemapParser.Result parse(String xml) throws FetchException {
        return parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private SitemapParser.Result parse(InputStream in) throws FetchException {
        return new SitemapParser(JOBS, 50).read(in, BASE, matched::add);
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = SitemapParserTest.class.getResourceAsStream("/ats/sitemap/" + name)) {
            if (in == null) throw new IOException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", "https://www.sierra-foothill.example");
        }
    }

    @Test
    void urlsetKeepsTheMatchingUrlsWithTheirLastmod() throws Exception {
        SitemapParser.Result r = parse(fixture("sitemap.xml"));

        assertThat(r.kind()).isEqualTo(SitemapParser.Kind.URLSET);
        assertThat(r.urls()).isEqualTo(6);
        assertThat(r.matched()).isEqualTo(3);
        // the image extension's own <loc> is no page of the sitemap
        assertThat(matched).extracting(SitemapEntry::loc).containsExactly(
                "https://www.sierra-foothill.example/careers/jobs/pharmacy-technician-fresno-1042",
                "https://www.sierra-foothill.example/careers/jobs/cpht-sacramento-1043",
                "https://www.sierra-foothill.example/careers/jobs/pharmacy-tech-trainee-reno-1044");
        assertThat(matched.get(0).lastmod()).isEqualTo("2025-03-10T09:30:00-08:00");
        assertThat(matched.get(0).modified()).isEqualTo(Instant.parse("2025-03-10T17:30:00Z"));
        assertThat(matched.get(1).modified()).isEqualTo(Instant.parse("2025-03-11T00:00:00Z"));
    }

    @Test
    void indexListsItsChildSitemapsUpToTheLimit() throws Exception {
        StringBuilder xml = new StringBuilder("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (int i = 0; i < 60; i++) xml.append("<sitemap><loc>/sitemaps/jobs-").append(i).append(".xml</loc></sitemap>");
        xml.append("<sitemap><loc>javascript:alert(1)</loc></sitemap></sitemapindex>");

        SitemapParser.Result r = parse(xml.toString());

        assertThat(r.kind()).isEqualTo(SitemapParser.Kind.INDEX);
        assertThat(r.childrenListed()).isEqualTo(60);
        assertThat(r.children()).hasSize(50).first().isEqualTo("https://www.sierra-foothill.example/sitemaps/jobs-0.xml");
        assertThat(r.invalid()).isEqualTo(1);
        assertThat(matched).isEmpty();
    }

    @Test
    void entriesWithoutAUsableLocAreCountedNotFatal() throws Exception {
        SitemapParser.Result r = parse("<urlset><url><lastmod>2025-01-01</lastmod></url>"
                + "<url><loc>mailto:jobs@example.org</loc></url>"
                + "<url><loc>https://www.sierra-foothill.example/jobs/" + "x".repeat(3000) + "</loc></url>"
                + "<url><loc> https://www.sierra-foothill.example/jobs/7 </loc><lastmod>not a date</lastmod></url></urlset>");

        assertThat(r.invalid()).isEqualTo(3);
        assertThat(matched).singleElement().satisfies(e -> {
            assertThat(e.loc()).isEqualTo("https://www.sierra-foothill.example/jobs/7");
            assertThat(e.lastmod()).isEqualTo("not a date");
            assertThat(e.modified()).isNull();
        });
    }

    /**
     * 200,000 URLs produced as the parser reads them, never as one document in memory: the parser
     * streams, and hands on only the 1 in 1,000 that is a job page.
     */
    @Test
    void streamsAHugeSitemapAndKeepsOnlyMatchingEntries() throws Exception {
        int total = 200_000;
        Enumeration<InputStream> chunks = new Enumeration<>() {
            int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next <= total;
            }

            @Override
            public InputStream nextElement() {
                String s;
                if (next < 0) s = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">";
                else if (next == total) s = "</urlset>";
                else s = "<url><loc>https://www.sierra-foothill.example/" + (next % 1000 == 0 ? "jobs/" : "news/") + next
                        + "</loc><lastmod>2025-01-01</lastmod></url>\n";
                next++;
                return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
            }
        };

        SitemapParser.Result r = parse(new SequenceInputStream(chunks));

        assertThat(r.urls()).isEqualTo(total);
        assertThat(r.matched()).isEqualTo(200);
        assertThat(matched).hasSize(200).allSatisfy(e -> assertThat(e.loc()).contains("/jobs/"));
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesAndInflatedAsItIsRead() throws Exception {
        byte[] gz = gzip(fixture("sitemap.xml"));
        assertThat(SitemapBody.gzipped(gz)).isTrue();
        assertThat(SitemapBody.gzipped(fixture("sitemap.xml").getBytes(StandardCharsets.UTF_8))).isFalse();

        try (InputStream in = SitemapBody.open(gz)) {
            assertThat(parse(in).matched()).isEqualTo(3);
        }
    }

    @Test
    void aGzipBombStopsAtTheInflatedLimit() throws Exception {
        byte[] bomb = gzip("<urlset>" + " ".repeat(5_000_000) + "</urlset>");
        assertThat(bomb.length).isLessThan(20_000);

        try (InputStream in = SitemapBody.open(bomb, 1_000_000)) {
            assertThatThrownBy(() -> parse(in)).isInstanceOf(FetchException.class)
                    .hasMessage("the gzip sitemap inflates to more than 1000000 bytes, the sitemap protocol's limit");
        }
    }

    @Test
    void corruptGzipIsNamed() throws Exception {
        byte[] gz = gzip(fixture("sitemap.xml"));
        byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
        try (InputStream in = SitemapBody.open(cut)) {
            assertThatThrownBy(() -> parse(in)).isInstanceOf(FetchException.class).hasMessageStartingWith("corrupt gzip data: ");
        }
    }

    @Test
    void billionLaughsIsRefusedWithoutExpandingAnything() throws Exception {
        assertThatThrownBy(() -> parse(fixture("hostile-billion-laughs.xml")))
                .isInstanceOf(FetchException.class)
                .hasMessage("refused: the document declares a DOCTYPE, which sitemaps never need "
                        + "(entity-expansion or external-entity attack?)");
        assertThat(matched).isEmpty();
    }

    @Test
    void externalEntitiesAreRefused() throws Exception {
        assertThatThrownBy(() -> parse(fixture("hostile-xxe.xml").replace("{{file}}", "file:///etc/passwd")))
                .isInstanceOf(FetchException.class).hasMessageStartingWith("refused: the document declares a DOCTYPE");
    }

    @Test
    void aDoctypeWithoutInternalSubsetIsLetThroughUnread() throws Exception {
        // nothing listens on port 1: were the DTD read, the parse would fail
        SitemapParser.Result r = parse("<?xml version=\"1.0\"?>\n<!DOCTYPE urlset SYSTEM \"http://127.0.0.1:1/sitemap.dtd\">\n"
                + "<urlset><url><loc>https://www.sierra-foothill.example/jobs/9</loc></url></urlset>");

        assertThat(r.matched()).isEqualTo(1);
    }

    /** The shared corpus of hostile XML (defusedxml, ROME), when present: each one refused with a reason. */
    @Test
    void hostileCorpusSamplesAreRefusedWithAReason() throws Exception {
        Path corpus = Path.of("").toAbsolutePath().resolve("../shared/corpus/hostile").normalize();
        if (!Files.isDirectory(corpus)) corpus = Path.of("/work/shared/corpus/hostile");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "corpus ../shared/corpus/hostile is absent");
        List<Path> samples;
        try (Stream<Path> files = Files.walk(corpus)) {
            samples = files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(samples).isNotEmpty();
        for (Path sample : samples) {
            try (InputStream in = Files.newInputStream(sample)) {
                assertThatThrownBy(() -> parse(in)).as(sample.getFileName().toString())
                        .isInstanceOf(FetchException.class)
                        .message().matches("(refused|malformed XML|not a sitemap): .*");
            }
        }
        assertThat(matched).isEmpty();
    }

    @Test
    void anUndeclaredEntityWithoutDoctypeIsMalformedXmlWithItsPosition() {
        assertThatThrownBy(() -> parse("<urlset>\n<url><loc>https://www.sierra-foothill.example/jobs/&lol9;</loc></url></urlset>"))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("malformed XML: The entity \"lol9\" was referenced, but not declared. (line 2, column ");
    }

    @Test
    void otherDocumentsAreNotSitemaps() {
        assertThatThrownBy(() -> parse("<rss version=\"2.0\"><channel/></rss>"))
                .isInstanceOf(FetchException.class)
                .hasMessage("not a sitemap: the root element is <rss>, not <urlset> or <sitemapindex>");
        assertThatThrownBy(() -> parse("<html><body>Sorry, we moved</body>"))
                .isInstanceOf(FetchException.class).hasMessageStartingWith("not a sitemap: the root element is <html>");
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(FetchException.class).hasMessageStartingWith("malformed XML: ");
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
