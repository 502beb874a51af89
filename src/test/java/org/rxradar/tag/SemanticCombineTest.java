package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Taxonomy;

/**
 * How the signal's votes join the rules' result (no model is loaded): the rules keep every tag, and of
 * the topics the signal would add, one more than {@link SemanticSignal#TOPICS_MARGIN} below the best
 * addition is dropped; settings have no such margin.
 */
class SemanticCombineTest {
    private static final Map<String, Double> THRESHOLDS = Map.of("workforce", 0.4, "career", 0.4, "technology", 0.4, "regulation", 0.4,
            "hospital", 0.4, "retail", 0.4);
    private final SemanticSignal signal = new SemanticSignal(null, Map.of(), THRESHOLDS);

    private static Map<String, SemanticSignal.Vote> votes(Object... labelScore) {
        Map<String, SemanticSignal.Vote> out = new LinkedHashMap<>();
        for (int i = 0; i < labelScore.length; i += 2) out.put((String) labelScore[i], new SemanticSignal.Vote((Double) labelScore[i + 1], "\"an example\"", 0.6));
        return out;
    }

    private static FacetScorer.Result rules(String... tags) {
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        for (String t : tags) {
            scores.put(t, 1.0);
            evidence.put(t, List.of("a cue"));
        }
        return new FacetScorer.Result(List.of(tags), scores, evidence, Set.of());
    }

    @Test
    void aWeakTopicBesideAClearOneIsNotAdded() {
        FacetScorer.Result out = signal.combine(rules(), votes("workforce", 0.95, "career", 0.45), Taxonomy.TOPICS, Set.of());
        assertThat(out.tags()).containsExactly("workforce");
    }

    @Test
    void twoTopicsWithinTheMarginAreBothAdded() {
        FacetScorer.Result out = signal.combine(rules(), votes("workforce", 0.7, "career", 0.5), Taxonomy.TOPICS, Set.of());
        assertThat(out.tags()).containsExactlyInAnyOrder("workforce", "career");
        assertThat(out.evidence().get("career")).containsExactly("close to: \"an example\" (0.60)");
    }

    @Test
    void theRulesKeepTheirTopicsWhateverTheVoteAndTheirTopicsSetNoMargin() {
        // regulation is the rules' (vote 0.1); technology is the only addition, so it is the best one
        FacetScorer.Result out = signal.combine(rules("regulation"), votes("regulation", 0.1, "technology", 0.45, "career", 0.2), Taxonomy.TOPICS, Set.of());
        assertThat(out.tags()).containsExactlyInAnyOrder("regulation", "technology");
        // a rule topic with a high vote does not crowd out an addition
        out = signal.combine(rules("regulation"), votes("regulation", 1.2, "technology", 0.45), Taxonomy.TOPICS, Set.of());
        assertThat(out.tags()).containsExactlyInAnyOrder("regulation", "technology");
    }

    @Test
    void settingsHaveNoMargin() {
        FacetScorer.Result out = signal.combine(rules(), votes("hospital", 0.95, "retail", 0.45), Taxonomy.SETTINGS, Set.of());
        assertThat(out.tags()).containsExactlyInAnyOrder("hospital", "retail");
    }
}
