package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Where the default mode asks the semantic signal, and which weak cues it hands on: read from the
 * rules alone (no model is loaded), as cross-validation and the tagger both see it.
 */
class SemanticAskTest {
    private final Tagger rules = Tagger.rulesOnly();

    @Test
    void aNewsStoryWithOneRuleTopicIsAskedAndOneWithTwoIsLeftToTheRules() {
        SemanticSignal.RuleView one = rules.ruleView(Items.news("Board of pharmacy adopts new rule",
                "The state board approved the change after a public comment period."));
        assertThat(one.topics()).containsExactly("regulation");
        assertThat(one.asked()).isTrue();

        SemanticSignal.RuleView two = rules.ruleView(Items.news("Board of pharmacy sets new rule on USP 797 cleanrooms",
                "Compounding pharmacies must certify each cleanroom twice a year under the new regulation."));
        assertThat(two.topics()).contains("regulation", "compounding");
        assertThat(two.settings()).containsExactly("compounding");
        assertThat(two.asked()).isFalse();
    }

    @Test
    void aJobLeadTheRulesPlacedIsLeftToThem() {
        SemanticSignal.RuleView placed = rules.ruleView(Items.job("Inpatient Pharmacy Technician",
                "Fill unit dose carts for nursing units at our 300-bed hospital.", "Lakeview Medical Center", "Erie, PA"));
        assertThat(placed.settings()).contains("hospital");
        assertThat(placed.asked()).isFalse();
    }

    @Test
    void cuesTooWeakToAssignALabelAreHandedOnAndAssignedLabelsAreNot() {
        SemanticSignal.RuleView view = rules.ruleView(Items.news("Pharmacy staff describe a week of training",
                "New hires shadow a lead before working alone."));
        assertThat(view.topics()).doesNotContain("continuing-education");
        assertThat(view.weak()).containsKey("continuing-education");
        assertThat(view.weak().get("continuing-education")).isGreaterThan(0.0).isLessThan(1.0);
        for (String assigned : view.topics()) assertThat(view.weak()).doesNotContainKey(assigned);
    }
}
