package org.rxradar.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RisingTermsTest {
    private static final TrendStream STREAM = new TrendStream(7L);

    @Test
    void plantedTermsRiseAndASteadyOneDoesNot() {
        TrendStore store = new TrendStore();
        STREAM.items.forEach(store::add);
        List<RisingTerm> rising = store.risingTerms(TrendStream.LAST);
        List<String> terms = rising.stream().map(RisingTerm::term).toList();

        assertThat(terms).contains("usp 800", "store closures");
        assertThat(terms).noneMatch(t -> t.contains("iv room"));
        // the parts of a rising phrase are not reported on their own
        assertThat(terms).doesNotContain("usp", "800", "closures");
        assertThat(rising).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));

        LocalDate recentFrom = TrendStream.LAST.minusDays(6);
        RisingTerm usp = rising.stream().filter(t -> t.term().equals("usp 800")).findFirst().orElseThrow();
        assertThat(usp.recentCount()).isEqualTo(STREAM.planted("usp 800", recentFrom, TrendStream.LAST));
        assertThat(usp.baselineCount()).isEqualTo(STREAM.planted("usp 800", recentFrom.minusDays(28), recentFrom.minusDays(1)));
        assertThat(usp.score()).isGreaterThan(RisingTerms.P001);
        assertThat(usp.lift()).isGreaterThan(5);
    }

    @Test
    void beforeThePlantNothingPlantedRises() {
        TrendStore store = new TrendStore();
        STREAM.items.forEach(store::add);
        List<String> terms = store.risingTerms(TrendStream.LAST.minusDays(TrendStream.RECENT)).stream().map(RisingTerm::term).toList();
        assertThat(terms).doesNotContain("usp 800", "store closures", "iv room");
    }

    @Test
    void aPhraseNeedsTheMinimumCount() {
        LocalDate day = LocalDate.of(2026, 5, 31);
        // at p < 0.001, four uses out of nowhere would be significant; the minimum count of five holds them back
        TrendStore store = new TrendStore(new RisingTerms(7, 28, 5, RisingTerms.P001, 20));
        for (int d = 1; d <= 35; d++) {
            for (int i = 0; i < 20; i++) store.add(TrendStoreTest.lead("base-" + d + "-" + i, day.minusDays(d), "retail", 18.0));
        }
        for (int i = 0; i < 4; i++) store.add(withText("new-" + i, day, "Tech-check-tech pilot approved"));
        for (int i = 0; i < 40; i++) store.add(TrendStoreTest.lead("today-" + i, day, "retail", 18.0));
        assertThat(store.risingTerms(day)).isEmpty();
        store.add(withText("new-5", day, "Tech-check-tech pilot approved"));
        assertThat(store.risingTerms(day)).extracting(RisingTerm::term).contains("tech-check-tech pilot approved");
    }

    @Test
    void noBaselineMeansNoRisingTerms() {
        LocalDate day = LocalDate.of(2026, 5, 31);
        TrendStore store = new TrendStore();
        for (int i = 0; i < 10; i++) store.add(withText("n" + i, day, "Store closures everywhere"));
        assertThat(store.risingTerms(day)).isEmpty();
    }

    @Test
    void logLikelihoodMatchesAHandComputedValue() {
        // 10 of 100 recent items against 10 of 1000 baseline items: G² = 2 Σ O ln(O/E) = 22.908 (worked out separately)
        assertThat(RisingTerms.logLikelihood(10, 10, 100, 1000)).isCloseTo(22.908, org.assertj.core.data.Offset.offset(0.01));
        assertThat(RisingTerms.logLikelihood(10, 100, 100, 1000)).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static org.rxradar.model.TaggedItem withText(String id, LocalDate day, String title) {
        org.rxradar.model.TaggedItem i = TrendStoreTest.lead(id, day, "retail", 18.0);
        return new org.rxradar.model.TaggedItem(i.v(), i.id(), i.kind(), i.source(), i.url(), title, i.summary(), i.published(),
                i.publishedEstimated(), i.fetched(), i.updated(), i.employer(), i.location(), i.settings(), i.topics(), i.scores(),
                i.evidence(), i.relevant(), i.salary(), i.certifications(), i.employment(), i.shift(), i.cluster(), i.tagged());
    }
}
