package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizedTextTest {
    @Test
    void normalisesWordsAsTheRulesDo() {
        assertThat(TokenizedText.words("Children's Hospital")).containsExactly("children", "hospital");
        assertThat(TokenizedText.words("USP <797> drive-thru, don't")).containsExactly("usp", "797", "drive", "thru", "dont");
        assertThat(TokenizedText.words("$17.50/hr")).containsExactly("17", "50", "hr");
    }

    @Test
    void sentencesClausesAndPartsAreMarked() {
        TokenizedText t = TokenizedText.of("Pharmacy Tech", "No nights, weekends. Great team but busy", "Acme");
        assertThat(t.part[0]).isEqualTo(TokenizedText.TITLE);
        assertThat(t.part[t.size - 1]).isEqualTo(TokenizedText.EMPLOYER);
        int nights = 3, weekends = 4, great = 5, busy = 7;
        assertThat(t.tokens[nights]).isEqualTo("nights");
        assertThat(t.clause[nights]).isNotEqualTo(t.clause[weekends]);
        assertThat(t.sentence[weekends]).isNotEqualTo(t.sentence[great]);
        assertThat(t.tokens[busy]).isEqualTo("busy"); // "but" ends a clause and is not a token
        assertThat(t.clause[great]).isNotEqualTo(t.clause[busy]);
        assertThat(t.span(0, 2)).isEqualTo("Pharmacy Tech");
    }

    @Test
    void unknownWordsAreKeptAsPlacesWithoutStrings() {
        Vocabulary v = new Vocabulary(List.of("inpatient", "pharmacy"));
        TokenizedText t = TokenizedText.of("Inpatient pharmacy", "Benefits galore", null, v);
        assertThat(t.size).isEqualTo(4);
        assertThat(t.tokens[0]).isEqualTo("inpatient");
        assertThat(t.tokens[1]).isEqualTo("pharmacy");
        assertThat(t.tokens[2]).isNull();
        assertThat(t.span(2, 4)).isEqualTo("Benefits galore");
    }
}
