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
 * the rules, labelled before the tagger ran on them. The floors are the figures measured once when
 * the set was added, rounded down: they catch a regression; the goal and how far it is met are in
 * README, Tagging.
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

    @Test
    void theSemanticSignalAddsToTheRulesOnItemsWrittenElsewhere() {
        assertThat(withSignal.topics().macroF1()).isGreaterThan(rulesAlone.topics().macroF1() + 0.05);
        assertThat(withSignal.settings().macroF1()).isGreaterThanOrEqualTo(rulesAlone.settings().macroF1());
        assertThat(withSignal.relevanceAccuracy()).isGreaterThanOrEqualTo(rulesAlone.relevanceAccuracy());
        assertThat(withSignal.salaryExact()).isGreaterThanOrEqualTo(rulesAlone.salaryExact());
        assertThat(withSignal.certificationF1()).isGreaterThanOrEqualTo(rulesAlone.certificationF1());
    }
}
