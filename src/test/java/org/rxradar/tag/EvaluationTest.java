package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {
    private static Path sample() throws URISyntaxException {
        return Path.of(EvaluationTest.class.getResource("/tag/sample-items.jsonl").toURI());
    }

    @Test
    void ownLabeledSampleStaysAboveTheFloor() throws Exception {
        List<LabeledItem> items = LabeledItem.read(sample());
        assertThat(items).hasSizeGreaterThanOrEqualTo(40);
        Evaluation.Report r = Evaluation.run(Tagger.builtIn(), items);
        assertThat(r.settings().macroF1()).isGreaterThanOrEqualTo(0.90);
        assertThat(r.topics().macroF1()).isGreaterThanOrEqualTo(0.85);
        assertThat(r.relevanceAccuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.salaryExact()).isGreaterThanOrEqualTo(0.90);
        assertThat(r.certificationF1()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void secondOwnSampleWrittenBeforeTuningStaysAboveALowerFloor() throws Exception {
        Path holdout = Path.of(EvaluationTest.class.getResource("/tag/holdout-items.jsonl").toURI());
        Evaluation.Report r = Evaluation.run(Tagger.builtIn(), LabeledItem.read(holdout));
        assertThat(r.settings().macroF1()).isGreaterThanOrEqualTo(0.85);
        assertThat(r.topics().macroF1()).isGreaterThanOrEqualTo(0.80);
        assertThat(r.relevanceAccuracy()).isGreaterThanOrEqualTo(0.90);
        assertThat(r.salaryExact()).isGreaterThanOrEqualTo(0.90);
        assertThat(r.certificationF1()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void okLabelsCountNeitherForNorAgainst(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("one.jsonl");
        Files.writeString(f, """
                {"id":"x1","kind":"job","title":"Pharmacy Technician","summary":"Inpatient IV room at our hospital; retail outpatient pharmacy too.","gold":{"relevant":true,"settings":["hospital"],"settings_ok":["retail"],"topics":[],"topics_ok":["compounding"],"salary":null,"certifications":[],"employment":null,"shift":[]}}
                """);
        Evaluation.Report r = Evaluation.run(Tagger.builtIn(), LabeledItem.read(f));
        assertThat(r.settings().labels()).extracting(Evaluation.LabelScore::label).containsExactly("hospital");
        assertThat(r.settings().macroF1()).isEqualTo(1.0);
        assertThat(r.misses()).isEmpty();
    }

    @Test
    void missesAreReportedWithTheirProblems(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("one.jsonl");
        Files.writeString(f, """
                {"id":"x2","kind":"job","title":"Pharmacy Technician","summary":"Inpatient pharmacy. $20/hr.","gold":{"relevant":true,"settings":["clinic"],"settings_ok":[],"topics":[],"topics_ok":[],"salary":{"min":21,"max":21,"unit":"HOUR","currency":"USD"},"certifications":[],"employment":null,"shift":[]}}
                """);
        Evaluation.Report r = Evaluation.run(Tagger.builtIn(), LabeledItem.read(f));
        assertThat(r.salaryExact()).isZero();
        assertThat(r.misses()).singleElement().satisfies(m -> assertThat(m.problems())
                .contains("extra setting hospital", "missed setting clinic", "salary 20.0-20.0/HOUR (gold 21.0-21.0/HOUR)"));
    }

    @Test
    void devItemsMeetTheGoalsWhenPresent() {
        Path dev = Path.of("../../shared/eval/dev-items.jsonl");
        if (!Files.isRegularFile(dev)) dev = Path.of("/work/shared/eval/dev-items.jsonl");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(dev), "shared dev items not present");
        Evaluation.Report r = Evaluation.run(Tagger.builtIn(), LabeledItem.read(dev));
        assertThat(r.settings().macroF1()).isGreaterThanOrEqualTo(0.92);
        assertThat(r.topics().macroF1()).isGreaterThanOrEqualTo(0.85);
        assertThat(r.relevanceAccuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.salaryExact()).isGreaterThanOrEqualTo(0.90);
        assertThat(r.certificationF1()).isGreaterThanOrEqualTo(0.90);
    }
}
