package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped fit ({@code tagger/semantic-fit.bin}) is what fitting the current training data gives:
 * when the corpus, the label descriptions, the built-in rules or the parameters change, this fails
 * until {@code WriteTrainingVectors} writes the file again (start-up would fit the signal itself
 * meanwhile, seconds slower).
 */
class SemanticFitTest {
    private static SemanticSignal.Prepared prepared;
    private static SemanticFit shipped;

    @BeforeAll
    static void prepare() {
        prepared = SemanticSignal.prepare(new SentenceEmbedder(), SemanticSignal.trainingItems(), Tagger.rulesOnly()::ruleView);
        shipped = SemanticFit.readShipped();
    }

    @Test
    void theShippedFitWasComputedFromTheCurrentTrainingData() {
        assertThat(shipped).as(SemanticFit.RESOURCE + " is on the class path").isNotNull();
        assertThat(shipped.fingerprint())
                .as("%s was computed from other training data, rules or parameters: rerun WriteTrainingVectors", SemanticFit.RESOURCE)
                .isEqualTo(SemanticFit.fingerprint(prepared, SemanticSignal.PARAMETERS));
        assertThat(shipped.fits(prepared, org.rxradar.model.Taxonomy.SETTINGS, org.rxradar.model.Taxonomy.TOPICS)).isTrue();
    }

    @Test
    void fittingAgainGivesTheShippedThresholdsAndWeights() {
        SemanticFit fresh = SemanticSignal.fit(prepared, shipped.fingerprint());
        assertThat(fresh.thresholds()).isEqualTo(shipped.thresholds());
        for (var pair : List.of(List.of(fresh.settings(), shipped.settings()), List.of(fresh.topics(), shipped.topics()))) {
            SemanticFit.Facet a = pair.get(0), b = pair.get(1);
            assertThat(a.width()).isEqualTo(b.width());
            assertThat(a.ridge()).isEqualTo(b.ridge());
            assertThat(a.crossValidatedF1()).isCloseTo(b.crossValidatedF1(), within(1e-12));
            assertThat(a.alpha().length).isEqualTo(b.alpha().length);
            for (int i = 0; i < a.alpha().length; i++) {
                for (int l = 0; l < a.alpha()[i].length; l++) assertThat(a.alpha()[i][l]).isCloseTo(b.alpha()[i][l], within(1e-9));
            }
        }
    }

    @Test
    void aFitSurvivesWritingAndReading() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        shipped.write(out);
        SemanticFit back = SemanticFit.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(back.fingerprint()).isEqualTo(shipped.fingerprint());
        assertThat(back.thresholds()).isEqualTo(shipped.thresholds());
        assertThat(Arrays.deepEquals(back.topics().alpha(), shipped.topics().alpha())).isTrue();
    }

    @Test
    void aFileOfAnotherFormatIsNotUsed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new java.io.DataOutputStream(out).writeUTF("rxradar-semantic-fit/0");
        assertThat(SemanticFit.read(new ByteArrayInputStream(out.toByteArray()))).isNull();
    }

    @Test
    void anyChangeToTheRulesViewChangesTheFingerprint() {
        SemanticSignal.RuleView v = prepared.views().get(0);
        List<SemanticSignal.RuleView> views = new java.util.ArrayList<>(prepared.views());
        views.set(0, new SemanticSignal.RuleView(v.settings(), v.topics(), v.blocked(), !v.asked(), v.weak()));
        SemanticSignal.Prepared changed = new SemanticSignal.Prepared(prepared.train(), prepared.items(), views, prepared.descriptions());
        assertThat(SemanticFit.fingerprint(changed, SemanticSignal.PARAMETERS)).isNotEqualTo(SemanticFit.fingerprint(prepared, SemanticSignal.PARAMETERS));
        assertThat(SemanticFit.fingerprint(prepared, SemanticSignal.PARAMETERS + " ")).isNotEqualTo(SemanticFit.fingerprint(prepared, SemanticSignal.PARAMETERS));
    }
}
