package org.rxradar.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

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
        assertThat(TrendDigestSection.text(report)).contains("TRENDS THIS WEEK", "retail", retailThisWeek + " leads (week before " + retailLastWeek + ")", "usp 800");
    }

    @Test
    void anEmptyWeekStillRenders() {
        TrendReport empty = new TrendStore().report(LocalDate.of(2026, 5, 31), 28);
        assertThat(TrendDigestSection.html(empty)).contains("Trends this week", "0.0% of leads");
        assertThat(TrendDigestSection.text(empty)).contains("TRENDS THIS WEEK");
    }
}
