package org.rxradar.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import javax.xml.parsers.DocumentBuilderFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Certification;
import org.rxradar.model.TaggedItem;

class TrendDigestSectionTest {
    private static final TrendStream STREAM = new TrendStream(5L);

    @Test
    void comparesTheLastWeekWithTheOneBeforeAndNamesRisingTerms() throws Exception {
        TrendStore store = new TrendStore();
        STREAM.items.forEach(store::add);
        TrendReport report = store.report(TrendStream.LAST, 28);

        int retailThisWeek = 0, retailLastWeek = 0;
        for (int d = 0; d < 14; d++) {
            int n = STREAM.expected.get(TrendStream.LAST.minusDays(d)).bySetting.getOrDefault("retail", 0);
            if (d < 7) retailThisWeek += n;
            else retailLastWeek += n;
        }
        assertThat(TrendDigestSection.weekOnWeek(report))
                .contains(new TrendDigestSection.WeekOnWeek("retail", retailThisWeek, retailLastWeek));
        assertThat(TrendDigestSection.weekOnWeek(report).get(0).setting()).isEqualTo("retail"); // busiest first

        String html = TrendDigestSection.html(report);
        assertThat(html).contains("Trends this week", "<b>usp 800</b>", "<b>store closures</b>").doesNotContain("<svg");
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(("<div>" + html + "</div>").getBytes(StandardCharsets.UTF_8)));
        assertThat(html).contains("<td>Retail</td>", "<td>Long-term care</td>").doesNotContain("long-term-care");
        assertThat(TrendDigestSection.text(report)).contains("TRENDS THIS WEEK", "Retail", retailThisWeek + " leads (week before " + retailLastWeek + ")", "usp 800");
    }

    @Test
    void certificationsMostAskedForAreNamedByLabelAndEitherOrIsItsOwnEntry() {
        LocalDate day = LocalDate.of(2026, 11, 2);
        TrendStore store = new TrendStore();
        Certification either = Certification.anyOf(List.of("PTCB-CPhT", "NHA-ExCPT"), true);
        for (int i = 0; i < 4; i++) {
            TaggedItem lead = TrendStoreTest.lead("l" + i, day, "long-term-care", 18.0);
            List<Certification> certs = i < 2 ? List.of(either) : i == 2 ? List.of(new Certification("STATE-LICENSE", true)) : List.of();
            store.add(new TaggedItem(lead.v(), lead.id(), lead.kind(), lead.source(), lead.url(), lead.title(), lead.summary(),
                    lead.published(), false, lead.fetched(), null, null, lead.location(), lead.settings(), List.of(), null, null,
                    true, lead.salary(), certs, null, null, null, lead.tagged()));
        }
        TrendReport report = store.report(day, 14);
        assertThat(TrendDigestSection.html(report)).contains("<td>Long-term care</td>",
                "75.0% of leads ask for a certification: most often PTCB CPhT or NHA ExCPT (50.0%), State license (25.0%).");
        assertThat(TrendDigestSection.text(report)).contains("Long-term care", "most often PTCB CPhT or NHA ExCPT (50.0%)")
                .doesNotContain("PTCB CPhT (");
    }

    @Test
    void anEmptyWeekStillRenders() {
        TrendReport empty = new TrendStore().report(LocalDate.of(2026, 5, 31), 28);
        assertThat(TrendDigestSection.html(empty)).contains("Trends this week", "0.0% of leads");
        assertThat(TrendDigestSection.text(empty)).contains("TRENDS THIS WEEK");
    }
}
