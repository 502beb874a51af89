package org.rxradar.tag;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Sentence vectors from all-MiniLM-L6-v2 (quantized), run in-process on ONNX Runtime. The model
 * and its tokenizer are inside the Maven artifact's jar: nothing is downloaded at run time. The
 * text is cut to its start ({@link #MAX_CHARS}): the title and first sentences carry what an item
 * is about, and the model's cost grows with every token. Thread-safe.
 *
 * <p>Vectors of the training items and label descriptions are shipped precomputed
 * ({@link #KNOWN}, written by {@code WriteTrainingVectors}) so that starting the tagger does not
 * embed three hundred texts; a text not found there (an edited training item) is embedded as usual.
 */
final class SentenceEmbedder {
    /** About 120 word pieces: the title and the first two or three sentences of a summary. */
    static final int MAX_CHARS = 600;

    /** Precomputed vectors: text -> vector, for this model and {@link #MAX_CHARS}. */
    static final String KNOWN = "tagger/corpus-vectors.bin";
    private static final String FORMAT = "all-minilm-l6-v2-q/" + MAX_CHARS;

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;
    private final Map<String, float[]> known;

    SentenceEmbedder() {
        // DJL's tokenizer library ships in its jar for this platform; offline keeps it from ever fetching one
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        this.known = readKnown();
    }

    /** The unit-length vector of an item's title, summary and employer (cut to {@link #MAX_CHARS}). */
    float[] embed(String title, String summary, String employer) {
        return embed(text(title, summary, employer));
    }

    /** The text as {@link #embed(String, String, String)} embeds it. */
    static String text(String title, String summary, String employer) {
        StringBuilder text = new StringBuilder();
        if (title != null && !title.isBlank()) text.append(title.strip()).append(". ");
        if (employer != null && !employer.isBlank()) text.append(employer.strip()).append(". ");
        if (summary != null) text.append(summary.strip());
        return ScannedText.head(text.toString(), MAX_CHARS);
    }

    /** The vector of a training text: precomputed when shipped, else embedded now. */
    float[] embedKnown(String text) {
        float[] v = known.get(text);
        return v != null ? v.clone() : embed(text);
    }

    float[] embed(String text) {
        float[] v = model.embed(text == null || text.isBlank() ? "-" : text).content().vector();
        double norm = 0;
        for (float x : v) norm += x * x;
        norm = Math.sqrt(norm);
        if (norm > 0) for (int i = 0; i < v.length; i++) v[i] /= (float) norm;
        return v;
    }

    static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static void writeKnown(Map<String, float[]> vectors, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeUTF(FORMAT);
        data.writeInt(vectors.size());
        for (var e : vectors.entrySet()) {
            data.writeUTF(e.getKey());
            data.writeInt(e.getValue().length);
            for (float x : e.getValue()) data.writeFloat(x);
        }
        data.flush();
    }

    private static Map<String, float[]> readKnown() {
        Map<String, float[]> out = new HashMap<>();
        try (InputStream raw = SentenceEmbedder.class.getClassLoader().getResourceAsStream(KNOWN)) {
            if (raw == null) return out;
            DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
            if (!in.readUTF().equals(FORMAT)) return out; // another model or cut: embed afresh
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String text = in.readUTF();
                float[] v = new float[in.readInt()];
                for (int j = 0; j < v.length; j++) v[j] = in.readFloat();
                out.put(text, v);
            }
        } catch (EOFException e) {
            out.clear(); // a truncated file is no cache at all
        } catch (IOException e) {
            out.clear();
        }
        return out;
    }
}
