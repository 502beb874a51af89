package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Messages of the rules reader: each names the file and the key path, and all of a file's problems come at once. */
class RulesReaderTest {
    private static RulesReader read(String yaml) {
        return new RulesReader().read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "extra.yml");
    }

    @Test
    void unknownKeyNamesItsPathAndTheKnownKeys() {
        assertThatThrownBy(() -> read("relevance: {treshold: 1.0}\n")).isInstanceOf(RulesException.class)
                .hasMessage("rules file extra.yml: relevance.treshold: unknown key (expected one of"
                        + " job, job-context, news, news-base, threshold, title-weight)");
        assertThatThrownBy(() -> read("employers:\n  - {name: Foo Rx, settings: [retail], divisions: [{name: Bar, setting: [clinic]}]}\n"))
                .hasMessageContaining("employers[0].divisions[0].setting: unknown key").hasMessageContaining("employer-field-only");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnceOnALineOfItsOwn() {
        String yaml = """
                scoring: {threshold: 0}
                settings:
                  drugstore: {cues: {counter: 1.0}}
                  retail: {cues: {counter: lots}, yields-to: [clinic, kiosk]}
                shift: {DAY: [days, yes]}
                employers:
                  - {name: Foo Rx, settings: [drugstore]}
                """;
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(RulesException.class).hasMessage(String.join("\n",
                "rules file extra.yml: scoring.threshold: must be greater than 0, got 0.0",
                "rules file extra.yml: settings.drugstore: unknown settings id (the taxonomy has " + org.rxradar.model.Taxonomy.SETTINGS + ")",
                "rules file extra.yml: settings.retail.cues.'counter': weight must be a number, got '\"lots\"'",
                "rules file extra.yml: settings.retail.yields-to: unknown settings id 'kiosk'",
                "rules file extra.yml: shift.DAY: entry 'true' was read as a yes/no value: write it in quotes",
                "rules file extra.yml: employers[0] (Foo Rx).settings: unknown setting 'drugstore' (the taxonomy has "
                        + org.rxradar.model.Taxonomy.SETTINGS + ")"));
    }

    @Test
    void wrongShapesAreNamed() {
        assertThatThrownBy(() -> read("- a\n- b\n")).hasMessage("rules file extra.yml: the top level must be a mapping");
        assertThatThrownBy(() -> read("location: {remote: from home}\n")).hasMessage("rules file extra.yml: location.remote: must be a list");
        assertThatThrownBy(() -> read("settings: {retail: [counter]}\n")).hasMessage("rules file extra.yml: settings.retail: must be a mapping");
        assertThatThrownBy(() -> read("negation: {window: \"4\"}\n")).hasMessage("rules file extra.yml: negation.window: must be a number");
        assertThatThrownBy(() -> read("employers:\n  - {settings: [retail]}\n"))
                .hasMessage("rules file extra.yml: employers[0].name: every employer needs a name");
    }

    @Test
    void aLaterFileReplacesWhatItNamesAndAnEmptyFileChangesNothing() {
        TaggingRules rules = read("scoring: {threshold: 2.5}\nnegation: {window: 6, words: [not]}\n").read(
                new ByteArrayInputStream(new byte[0]), "empty.yml").build();
        assertThat(rules.threshold).isEqualTo(2.5);
        assertThat(rules.titleWeight).isEqualTo(1.5);
        assertThat(rules.negationWindow).isEqualTo(6);
        assertThat(rules.negationWords).containsExactly("not");
    }
}
