package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

class RulesReaderEquivalenceTest {
    private static InputStream builtIn() {
        return Tagger.class.getClassLoader().getResourceAsStream(Tagger.BUILT_IN);
    }

    @Test
    void boundReaderBuildsTheSameRulesAsTheTreeWalker() {
        TaggingRules walked = new LegacyRulesReader().read(builtIn(), "built-in").build();
        TaggingRules bound = new RulesReader().read(builtIn(), "built-in").build();
        assertThat(bound.cueCount).isEqualTo(walked.cueCount).isGreaterThan(1000);
        assertThat(bound.employerCount).isEqualTo(walked.employerCount);
        assertThat(bound).usingRecursiveComparison().isEqualTo(walked);
        // the comparison reaches into the phrase index: one changed weight is a difference
        TaggingRules tweaked = new RulesReader().read(builtIn(), "built-in").read(new java.io.ByteArrayInputStream(
                "settings: {hospital: {cues: {inpatient: 0.2}}}".getBytes()), "tweak").build();
        assertThat(tweaked).usingRecursiveComparison().isNotEqualTo(walked);
    }
}
