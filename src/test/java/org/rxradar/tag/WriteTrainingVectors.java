package org.rxradar.tag;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the precomputed vectors of the training items and label descriptions
 * ({@code src/main/resources/tagger/corpus-vectors.bin}) and the semantic signal's fit computed from
 * them ({@code tagger/semantic-fit.bin}, see {@link SemanticFit}). Run after editing the corpus, the
 * descriptions, the built-in rules or the signal's parameters, from the project directory:
 * {@code java -cp target/test-classes:target/classes:$(cat target/test.cp) org.rxradar.tag.WriteTrainingVectors}.
 */
public final class WriteTrainingVectors {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources/" + SentenceEmbedder.KNOWN);
        SentenceEmbedder embedder = new SentenceEmbedder();
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (LabeledItem li : SemanticSignal.trainingItems()) {
            ScannedText read = ScannedText.of(li.item());
            String text = SentenceEmbedder.text(read.title(), read.summary(), read.employer());
            vectors.put(text, embedder.embed(text));
        }
        for (Map<String, List<String>> labels : SemanticSignal.descriptions().values()) {
            for (List<String> texts : labels.values()) for (String text : texts) vectors.put(text, embedder.embed(text));
        }
        try (OutputStream o = Files.newOutputStream(out)) {
            SentenceEmbedder.writeKnown(vectors, o);
        }
        System.out.println(vectors.size() + " vectors written to " + out);

        // the fit, from the vectors just computed (the class path may still hold the old file)
        SemanticSignal.Prepared prepared = SemanticSignal.prepare(text -> {
            float[] v = vectors.get(text);
            return v != null ? v.clone() : embedder.embed(text);
        }, SemanticSignal.trainingItems(), Tagger.rulesOnly()::ruleView);
        SemanticFit fit = SemanticSignal.fit(prepared, SemanticFit.fingerprint(prepared, SemanticSignal.PARAMETERS));
        Path fitFile = out.resolveSibling(Path.of(SemanticFit.RESOURCE).getFileName());
        try (OutputStream o = Files.newOutputStream(fitFile)) {
            fit.write(o);
        }
        System.out.printf(java.util.Locale.ROOT, "fit written to %s: cross-validated macro-F1 settings %.3f, topics %.3f, thresholds %s%n", fitFile,
                fit.settings().crossValidatedF1(), fit.topics().crossValidatedF1(), fit.thresholds());
    }
}
