package org.rxradar.tag;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the precomputed vectors of the training items and label descriptions
 * ({@code src/main/resources/tagger/corpus-vectors.bin}). Run after editing either file:
 * {@code mvn -B -q test-compile exec:exec@vectors} (see the pom), or with this class on the
 * test class path and the worktree as working directory.
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
    }
}
