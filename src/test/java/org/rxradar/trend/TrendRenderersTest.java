package org.rxradar.trend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Certification;
import org.rxradar.model.Json;
import org.rxradar.model.Place;
import org.rxradar.model.TaggedItem;
import org.w3c.dom.Document;

class TrendRenderersTest {
    private static final String HOSTILE = "<script>alert('x')</script>&\"";
    private static final TrendStream STREAM = new TrendStream(42L);

    private static TrendReport streamReport() {
        TrendStore store = new TrendStore();
        STREAM.items.forEach(store::add);
        return store.report(TrendStream.LAST, TrendReport.DEFAULT_DAYS);
    }

    @Test
    void htmlEscapesHostileTextAndIsWellFormed() throws Exception {
        LocalDate day = LocalDate.of(2026, 5, 31);
        TrendStore store = new TrendStore();
        for (int i = 0; i < 3; i++) {
            TaggedItem lead = TrendStoreTest.lead("h" + i, day, "retail", 18.0);
            store.add(new TaggedItem(1, lead.id(), lead.kind(), lead.source(), lead.url(), HOSTILE, HOSTILE, lead.published(), false,
                    lead.fetched(), null, HOSTILE, new Place(HOSTILE, HOSTILE, HOSTILE + "\u0001", false), List.of("retail", HOSTILE),
                    List.of(), null, null, true, lead.salary(), List.of(new Certification(HOSTILE, true)), null, null, null, lead.tagged()));
        }
        String html = TrendHtml.render(store.report(day, 28));
        assertThat(html).doesNotContain("<script").doesNotContain("alert('x')").contains("&lt;script&gt;alert(&#39;x&#39;)");
        Document page = parse(html);
        assertThat(page.getDocumentElement().getLocalName()).isEqualTo("html");
        assertThat(page.getDocumentElement().getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(page.getDocumentElement().getTextContent()).contains(HOSTILE.toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void htmlPageCarriesBothChartsAsWellFormedSvg() throws Exception {
        TrendReport report = streamReport();
        String html = TrendHtml.render(report);
        List<String> svgs = new ArrayList<>();
        Matcher m = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        while (m.find()) svgs.add(m.group());
        assertThat(svgs).hasSize(2);

        Document lines = parse(svgs.get(0));
        assertThat(lines.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(lines.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        // the busiest settings get a line each, the rest one "Other settings" line; weeks when days are sparse
        int settings = report.leadsBySettingPerDay().size();
        int lineCount = Math.min(settings, TrendCharts.MAX_SERIES) + (settings > TrendCharts.MAX_SERIES ? 1 : 0);
        assertThat(lines.getElementsByTagNameNS("*", "polyline").getLength()).isEqualTo(lineCount);
        String firstPoints = lines.getElementsByTagNameNS("*", "polyline").item(0).getAttributes().getNamedItem("points").getNodeValue();
        assertThat(firstPoints.split(" ")).hasSize(TrendCharts.weekly(report) ? 4 : 28);
        assertThat(lines.getDocumentElement().getTextContent()).doesNotContain("long-term-care");

        Document bars = parse(svgs.get(1));
        // one bar per setting stating pay, plus the white background
        assertThat(bars.getElementsByTagNameNS("*", "rect").getLength()).isEqualTo(report.payBySetting().size() + 1);
        assertThat(bars.getDocumentElement().getTextContent()).contains("Hospital", "$", "(n=");
        assertThat(parse(html).getDocumentElement().getTextContent()).contains("usp 800", "Rising terms")
                .doesNotContain("PTCB-CPhT");
        assertThat(html).contains("href=\"/trends/leads.svg\"", "href=\"/trends/pay.svg\"");
    }

    @Test
    void chartsOfNothingAreStillWellFormed() throws Exception {
        LocalDate day = LocalDate.of(2026, 5, 31);
        parse(SvgCharts.lineChart("empty", List.of(day), Map.of()));
        parse(SvgCharts.barChart("empty", Map.of(), v -> "x"));
        parse(TrendHtml.render(new TrendStore().report(day, 28)));
        assertThat(SvgCharts.niceCeiling(0)).isEqualTo(4);
        assertThat(SvgCharts.niceCeiling(37)).isEqualTo(40);
        assertThat(SvgCharts.niceCeiling(130)).isEqualTo(160);
        assertThat(SvgCharts.niceCeiling(21)).isEqualTo(24);
    }

    @Test
    void jsonCarriesTheReport() throws Exception {
        TrendReport report = streamReport();
        JsonNode json = Json.MAPPER.readTree(TrendJson.render(report));
        assertThat(json.get("from").asText()).isEqualTo(report.from().toString());
        assertThat(json.get("days")).hasSize(28);
        assertThat(json.get("relevantLeads").asInt()).isEqualTo(report.relevantLeads());
        assertThat(json.get("leadsBySettingPerDay").get("retail")).hasSize(28);
        assertThat(json.get("payBySetting").get("retail").get("medianHourly").asDouble()).isBetween(14.0, 21.0);
        assertThat(json.get("certifications").get("PTCB-CPhT").get("share").asDouble()).isBetween(0.4, 0.7);
        assertThat(json.get("risingTerms").get(0).has("score")).isTrue();
        // ids stay the keys; the labels a person reads come alongside
        assertThat(json.get("labels").get("long-term-care").asText()).isEqualTo("Long-term care");
        assertThat(json.get("labels").get("PTCB-CPhT").asText()).isEqualTo("PTCB CPhT");
        assertThat(json.get("labels").get("home-infusion").asText()).isEqualTo("Home infusion");
        assertThat(Json.MAPPER.readValue(TrendJson.render(report), TrendReport.class)).isEqualTo(report);
    }

    @Test
    void tableShowsWeeksPayCertificationsAndRisingTerms() {
        TrendReport report = streamReport();
        String table = TrendTable.render(report);
        assertThat(table).contains("Leads per setting", "Median pay per setting", "Certifications asked", "News per topic",
                "Rising terms", "usp 800", report.relevantLeads() + " job leads");
        assertThat(table).contains("Long-term care", "PTCB CPhT", "State license").doesNotContain("long-term-care", "STATE-LICENSE");
        String retailRow = table.lines().filter(l -> l.startsWith("Retail ")).findFirst().orElseThrow();
        assertThat(retailRow.trim().split("\\s+")).hasSize(6); // name, four weeks, total
        assertThat(retailRow).endsWith(" " + report.leadsBySetting().get("retail"));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
