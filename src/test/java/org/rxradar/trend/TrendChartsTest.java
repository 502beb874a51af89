package org.rxradar.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendChartsTest {
    private static TrendReport report(int days, Map<String, List<Integer>> perDay) {
        LocalDate to = LocalDate.of(2026, 11, 30);
        List<LocalDate> dates = new ArrayList<>();
        for (int i = days - 1; i >= 0; i--) dates.add(to.minusDays(i));
        Map<String, Integer> totals = new LinkedHashMap<>();
        perDay.forEach((k, v) -> totals.put(k, v.stream().mapToInt(Integer::intValue).sum()));
        return new TrendReport(dates.get(0), to, dates, 0, perDay, totals, Map.of(),
                Map.of("hospital", new TrendReport.Pay(21.5, 1)), 0, 0, Map.of(), 0, Map.of(), List.of());
    }

    private static List<Integer> repeat(int value, int days) {
        return new ArrayList<>(java.util.Collections.nCopies(days, value));
    }

    @Test
    void sparseDaysAreDrawnPerWeekAndBusyDaysPerDay() {
        TrendReport sparse = report(28, Map.of("hospital", repeat(1, 28)));
        assertThat(TrendCharts.weekly(sparse)).isTrue();
        TrendCharts.Chart weekly = TrendCharts.leads(sparse);
        assertThat(weekly.title()).isEqualTo("Job leads per setting per week");
        assertThat(weekly.svg()).contains("to Nov 30", "Hospital").doesNotContain(">hospital<");
        assertThat(weekly.explanation()).contains("per week");

        TrendReport busy = report(28, Map.of("hospital", repeat(5, 28)));
        assertThat(TrendCharts.weekly(busy)).isFalse();
        assertThat(TrendCharts.weekly(report(7, Map.of("hospital", repeat(0, 7))))).as("a week is never bucketed").isFalse();
    }

    @Test
    void atMostFiveSettingsGetALineTheRestAreOtherAndPayShowsItsSampleSize() {
        Map<String, List<Integer>> perDay = new LinkedHashMap<>();
        String[] ids = {"hospital", "retail", "clinic", "specialty", "compounding", "nuclear", "long-term-care"};
        for (int i = 0; i < ids.length; i++) perDay.put(ids[i], repeat(i + 1, 28));
        TrendCharts.Chart chart = TrendCharts.leads(report(28, perDay));
        assertThat(chart.svg().split("<polyline", -1)).hasSize(TrendCharts.MAX_SERIES + 2); // five lines and "Other settings"
        assertThat(chart.svg()).contains("Other settings", "Long-term care").doesNotContain(">Retail<");
        assertThat(TrendCharts.pay(report(28, perDay)).svg()).contains("$21.50/h (n=1)");
        assertThat(TrendCharts.named(report(28, perDay), "pay")).isPresent();
        assertThat(TrendCharts.named(report(28, perDay), "nope")).isEmpty();
    }
}
