package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.config.RxRadarConfig;

class RulesLoadingTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("extra.yml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void operatorFileAddsCuesAndEmployers() throws IOException {
        Path f = write("""
                settings:
                  clinic:
                    cues: {"wellness hub": 1.0}
                employers:
                  - {name: Prairie Drug, settings: [retail]}
                """);
        Tagger tagger = Tagger.load(new RxRadarConfig.Tagger(f.toString()));
        assertThat(tagger.tag(Items.job("Technician", "Work at our wellness hub.")).settings()).containsExactly("clinic");
        assertThat(tagger.tag(Items.job("Technician", "Fill prescriptions.", "Prairie Drug", null)).settings()).containsExactly("retail");
        assertThat(Tagger.builtIn().tag(Items.job("Technician", "Work at our wellness hub.")).settings()).isEmpty();
    }

    @Test
    void operatorFileCanReplaceAWeight() throws IOException {
        Path f = write("settings: {hospital: {cues: {inpatient: 0.2}}}\n");
        // the rules alone: the semantic signal would still read "inpatient" as a hospital
        assertThat(Tagger.withRules(f).withSemantic(Tagger.Semantic.OFF).tag(Items.job("Technician", "Inpatient work.")).settings()).isEmpty();
    }

    @Test
    void emptyConfigMeansBuiltIn() {
        assertThat(Tagger.load(new RxRadarConfig.Tagger(null)).tag(Items.job("Technician", "Inpatient IV room.")).settings())
                .containsExactly("hospital");
    }

    @Test
    void unknownTagIdIsNamed() throws IOException {
        Path f = write("settings: {pharmacy-hospital: {cues: {ward: 1.0}}}\n");
        assertThatThrownBy(() -> Tagger.withRules(f)).isInstanceOf(RulesException.class)
                .hasMessageContaining("extra.yml").hasMessageContaining("settings.pharmacy-hospital").hasMessageContaining("unknown settings id");
    }

    @Test
    void weightThatIsNotANumberIsNamed() throws IOException {
        Path f = write("topics: {regulation: {cues: {dea: high}}}\n");
        assertThatThrownBy(() -> Tagger.withRules(f)).isInstanceOf(RulesException.class)
                .hasMessageContaining("topics.regulation.cues.'dea'").hasMessageContaining("must be a number");
    }

    @Test
    void employerWithUnknownSettingIsNamed() throws IOException {
        Path f = write("employers:\n  - {name: Foo Rx, settings: [drugstore]}\n");
        assertThatThrownBy(() -> Tagger.withRules(f)).isInstanceOf(RulesException.class)
                .hasMessageContaining("Foo Rx").hasMessageContaining("unknown setting 'drugstore'");
    }

    @Test
    void unknownSectionAndBrokenYamlAreErrors() throws IOException {
        assertThatThrownBy(() -> Tagger.withRules(write("setings: {}\n"))).isInstanceOf(RulesException.class)
                .hasMessageContaining("setings").hasMessageContaining("unknown section");
        assertThatThrownBy(() -> Tagger.withRules(write("settings: [unclosed\n"))).isInstanceOf(RulesException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void missingFileIsAnError() {
        assertThatThrownBy(() -> Tagger.load(new RxRadarConfig.Tagger(dir.resolve("nope.yml").toString())))
                .isInstanceOf(RulesException.class).hasMessageContaining("does not exist");
    }

    @Test
    void taggedTimeComesFromTheClock() {
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        var t = Tagger.builtIn().withClock(Clock.fixed(at, ZoneOffset.UTC)).tag(Items.job("Technician", "x"));
        assertThat(t.tagged()).isEqualTo(at);
    }
}
