package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Item;
import org.rxradar.model.Kind;
import org.rxradar.model.Salary;

class JobPostingExtractorTest {
    private static final Instant NOW = Instant.parse("2026-11-24T05:00:00Z");
    private final JobPostingExtractor extractor = new JobPostingExtractor();

    private List<Item> extract(String html, String url) {
        Document page = Jsoup.parse(html, url);
        return extractor.extract(page, "careers", NOW);
    }

    @Test
    void fullPostingFromJsonLdWithCommentsAndControlCharacters() {
        String html = "<html><head><script type=\"application/ld+json\">\n<!--\n{\n // a comment\n"
                + "  \"@context\": \"https://schema.org\", \"@type\": \"JobPosting\",\n"
                + "  \"title\": \"Certified Pharmacy Technician\u0007\", /* block comment */\n"
                + "  \"description\": \"<p>Fill prescriptions.\tLine\nbreak inside</p>\",\n"
                + "  \"datePosted\": \"2026-11-20\", \"validThrough\": \"2026-12-31T00:00\",\n"
                + "  \"employmentType\": [\"FULL_TIME\", \"part_time\"],\n"
                + "  \"hiringOrganization\": {\"@type\": \"Organization\", \"name\": \"Acme Health\"},\n"
                + "  \"jobLocation\": {\"@type\": \"Place\", \"address\": {\"@type\": \"PostalAddress\", \"addressLocality\": \"Fresno\", \"addressRegion\": \"CA\"}},\n"
                + "  \"baseSalary\": {\"@type\": \"MonetaryAmount\", \"currency\": \"USD\", \"value\": {\"@type\": \"QuantitativeValue\", \"minValue\": 18.5, \"maxValue\": 22, \"unitText\": \"HOUR\"}},\n"
                + "  \"identifier\": {\"@type\": \"PropertyValue\", \"name\": \"Acme\", \"value\": \"REQ-123\"},\n"
                + "  \"directApply\": true,\n}\n-->\n</script></head><body></body></html>";
        List<Item> items = extract(html, "https://careers.example.com/jobs/123");
        assertThat(items).hasSize(1);
        Item i = items.get(0);
        assertThat(i.kind()).isEqualTo(Kind.JOB);
        assertThat(i.title()).isEqualTo("Certified Pharmacy Technician");
        assertThat(i.url()).isEqualTo("https://careers.example.com/jobs/123");
        assertThat(i.summary()).startsWith("Fill prescriptions.");
        assertThat(i.employer()).isEqualTo("Acme Health");
        assertThat(i.location()).isEqualTo("Fresno, CA");
        assertThat(i.published()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(i.posting().salary()).isEqualTo(new Salary(18.5, 22.0, Salary.Unit.HOUR, "USD"));
        assertThat(i.posting().employment()).isEqualTo("FULL_TIME,PART_TIME");
        assertThat(i.posting().place().city()).isEqualTo("Fresno");
        assertThat(i.posting().place().state()).isEqualTo("CA");
        assertThat(i.posting().identifier()).isEqualTo("REQ-123");
        assertThat(i.posting().directApply()).isTrue();
        assertThat(i.posting().validThrough()).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
    }

    @Test
    void graphAndArraysOnAListingPageAndExpiredPostingsDropped() {
        String html = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
                + "{\"@type\":\"WebSite\",\"name\":\"x\"},"
                + "{\"@type\":\"JobPosting\",\"title\":\"Tech I\",\"url\":\"/jobs/1\",\"hiringOrganization\":\"Acme\"},"
                + "{\"@type\":\"JobPosting\",\"title\":\"Old job\",\"url\":\"/jobs/0\",\"validThrough\":\"2020-01-01\"}]}</script>"
                + "<script type=\"application/ld+json\">[{\"@type\":[\"JobPosting\"],\"title\":\"Tech II\",\"url\":\"/jobs/2\","
                + "\"jobLocationType\":\"TELECOMMUTE\",\"baseSalary\":{\"currency\":\"USD\",\"value\":{\"value\":45000,\"unitText\":\"YEAR\"}}}]</script>"
                + "<script type=\"application/ld+json\">{ this is not json </script>";
        List<Item> items = extract(html, "https://jobs.example.com/list");
        assertThat(items).extracting(Item::title).containsExactly("Tech I", "Tech II");
        assertThat(items.get(0).url()).isEqualTo("https://jobs.example.com/jobs/1");
        assertThat(items.get(0).employer()).isEqualTo("Acme");
        assertThat(items.get(1).posting().place().remote()).isTrue();
        assertThat(items.get(1).posting().salary().min()).isEqualTo(45000.0);
        assertThat(items.get(1).posting().salary().unit()).isEqualTo(Salary.Unit.YEAR);
    }

    @Test
    void microdata() {
        String html = "<div itemscope itemtype=\"https://schema.org/JobPosting\">"
                + "<h1 itemprop=\"title\">Pharmacy Technician Trainee</h1>"
                + "<span itemprop=\"hiringOrganization\" itemscope itemtype=\"https://schema.org/Organization\"><span itemprop=\"name\">CVS Health</span></span>"
                + "<div itemprop=\"jobLocation\" itemscope itemtype=\"https://schema.org/Place\"><div itemprop=\"address\" itemscope itemtype=\"https://schema.org/PostalAddress\">"
                + "<span itemprop=\"addressLocality\">Austin</span>, <span itemprop=\"addressRegion\">TX</span></div></div>"
                + "<meta itemprop=\"datePosted\" content=\"2026-11-01\"><meta itemprop=\"employmentType\" content=\"FULL_TIME\">"
                + "<div itemprop=\"description\"><p>Train on the job.</p></div></div>";
        List<Item> items = extract(html, "https://jobs.example.com/t/9");
        assertThat(items).hasSize(1);
        Item i = items.get(0);
        assertThat(i.title()).isEqualTo("Pharmacy Technician Trainee");
        assertThat(i.employer()).isEqualTo("CVS Health");
        assertThat(i.location()).isEqualTo("Austin, TX");
        assertThat(i.summary()).isEqualTo("Train on the job.");
        assertThat(i.posting().employment()).isEqualTo("FULL_TIME");
        assertThat(i.published()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void pageWithoutPostingsButWithAFeedSaysSo() throws Exception {
        String html = "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/careers.rss\"></head><body><p>Jobs</p></body></html>";
        ParsedItems p = new PageParser().parse(html.getBytes(), "text/html", java.net.URI.create("https://e.org/careers"),
                "careers", Kind.JOB, java.util.Map.of(), NOW);
        assertThat(p.items()).isEmpty();
        assertThat(p.notice()).contains("no schema.org JobPosting").contains("https://e.org/careers.rss");
    }
}
