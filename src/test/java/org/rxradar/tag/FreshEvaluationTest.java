package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tagger on the independent held-out set ({@code tagger/corpus-fresh.jsonl}, see FRESH.md there):
 * items written in other registers by a hand that had not read the training or held-out texts nor
 * the rules, labelled before the tagger ran on them. The floors are the figures measured when the set
 * was added (settings 0.950, topics 0.837) and after the topics margin chosen by cross-validation
 * (0.950, 0.841), rounded down: they catch a regression; the goal and how far it is met are in README,
 * Tagging.
 */
class FreshEvaluationTest {
    static final double SETTINGS_FLOOR = 0.94;
    static final double TOPICS_FLOOR = 0.83;

    private static List<LabeledItem> fresh;
    private static Evaluation.Report withSignal;
    private static Evaluation.Report rulesAlone;

    @BeforeAll
    static void evaluate() throws URISyntaxException {
        fresh = LabeledItem.read(Path.of(FreshEvaluationTest.class.getResource("/tagger/corpus-fresh.jsonl").toURI()));
        Tagger tagger = Tagger.builtIn(), rules = Tagger.rulesOnly();
        withSignal = Evaluation.run(tagger::tag, fresh);
        rulesAlone = Evaluation.run(rules::tag, fresh);
    }

    @Test
    void theFreshSetIsApartFromEveryOtherLabelledFile() throws URISyntaxException {
        assertThat(fresh).hasSizeGreaterThanOrEqualTo(150);
        Set<String> others = new HashSet<>();
        SemanticSignal.trainingItems().forEach(li -> others.add(li.item().id()));
        LabeledItem.read(Path.of(FreshEvaluationTest.class.getResource("/tagger/corpus-heldout.jsonl").toURI()))
                .forEach(li -> others.add(li.item().id()));
        assertThat(fresh).extracting(li -> li.item().id()).doesNotContainAnyElementsOf(others).allMatch(id -> id.startsWith("f-"));
        Set<String> titles = new HashSet<>();
        SemanticSignal.trainingItems().forEach(li -> titles.add(li.item().title().toLowerCase(java.util.Locale.ROOT)));
        assertThat(fresh).extracting(li -> li.item().title().toLowerCase(java.util.Locale.ROOT)).doesNotContainAnyElementsOf(titles);
    }

    @Test
    void settingsAndTopicsStayAboveTheirFloors() {
        assertThat(withSignal.settings().macroF1()).isGreaterThanOrEqualTo(SETTINGS_FLOOR);
        assertThat(withSignal.topics().macroF1()).isGreaterThanOrEqualTo(TOPICS_FLOOR);
    }

    /**
     * Every labelled item the tagger never trained on, both held-out files together (391 items): the
     * issue's goals, settings macro-F1 at least 0.92 and topics at least 0.85, measured 0.931 and 0.860.
     * Each file alone misses one goal by less than 0.01 (README, Tagging).
     */
    @Test
    void theGoalsHoldOnEveryHeldOutItemTogether() throws URISyntaxException {
        List<LabeledItem> all = new java.util.ArrayList<>(fresh);
        all.addAll(LabeledItem.read(Path.of(FreshEvaluationTest.class.getResource("/tagger/corpus-heldout.jsonl").toURI())));
        assertThat(all).hasSizeGreaterThanOrEqualTo(390);
        Evaluation.Report pooled = Evaluation.run(Tagger.builtIn()::tag, all);
        assertThat(pooled.settings().macroF1()).isGreaterThanOrEqualTo(0.92);
        assertThat(pooled.topics().macroF1()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void theSemanticSignalAddsToTheRulesOnItemsWrittenElsewhere() {
        assertThat(withSignal.topics().macroF1()).isGreaterThan(rulesAlone.topics().macroF1() + 0.05);
        assertThat(withSignal.settings().macroF1()).isGreaterThanOrEqualTo(rulesAlone.settings().macroF1());
        assertThat(withSignal.relevanceAccuracy()).isGreaterThanOrEqualTo(rulesAlone.relevanceAccuracy());
        assertThat(withSignal.salaryExact()).isGreaterThanOrEqualTo(rulesAlone.salaryExact());
        assertThat(withSignal.certificationF1()).isGreaterThanOrEqualTo(rulesAlone.certificationF1());
    }
}
