package org.rxradar.tag;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What fitting the semantic signal yields (the regression's weights per facet and a threshold per
 * label), shipped as {@link #RESOURCE} so that starting the tagger reads it instead of solving and
 * cross-validating again (seconds of CPU at every start, on the path of the first fetch).
 *
 * <p>The file carries a fingerprint of everything the fit was computed from: the training points'
 * vectors and labels, what the rules said of each training item, and the fixed parameters. A file
 * whose fingerprint differs from the one of the data at hand (an edited corpus or label description,
 * changed built-in rules, other parameters) is not used: the signal is fitted at start as before, and
 * {@code SemanticFitTest} fails until {@code WriteTrainingVectors} writes the file again.
 */
record SemanticFit(String fingerprint, Facet settings, Facet topics, Map<String, Double> thresholds) {
    static final String RESOURCE = "tagger/semantic-fit.bin";
    /** Raised when the fitting method changes in a way the fingerprint's inputs do not show. */
    static final int METHOD = 2; // 2: topic additions within SemanticSignal.TOPICS_MARGIN of the item's best, thresholds chosen jointly
    private static final String FORMAT = "rxradar-semantic-fit/" + METHOD;

    /** One facet: kernel width and ridge, the weights (points x labels) and the cross-validated macro-F1 that chose the thresholds. */
    record Facet(double width, double ridge, double[][] alpha, double crossValidatedF1) {}

    /** Whether the weights have one row per point and one column per label of the prepared data. */
    boolean fits(SemanticSignal.Prepared prepared, List<String> settingLabels, List<String> topicLabels) {
        return shape(settings.alpha(), prepared.points(settingLabels).size(), settingLabels.size())
                && shape(topics.alpha(), prepared.points(topicLabels).size(), topicLabels.size());
    }

    private static boolean shape(double[][] alpha, int rows, int columns) {
        if (alpha.length != rows) return false;
        for (double[] row : alpha) if (row.length != columns) return false;
        return true;
    }

    /** SHA-256 over the points, the rules' view of every training item and the fixed parameters, in order. */
    static String fingerprint(SemanticSignal.Prepared prepared, String parameters) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        text(sha, FORMAT);
        text(sha, parameters);
        List<SemanticSignal.Example> points = new ArrayList<>(prepared.items());
        prepared.descriptions().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            text(sha, e.getKey());
            points.addAll(e.getValue());
        });
        for (SemanticSignal.Example p : points) {
            text(sha, p.name());
            ByteBuffer bits = ByteBuffer.allocate(p.vector().length * Float.BYTES);
            for (float x : p.vector()) bits.putFloat(x);
            sha.update(bits.array());
            text(sha, sorted(p.labels()));
            text(sha, sorted(p.ok()));
        }
        for (int i = 0; i < prepared.train().size(); i++) {
            LabeledItem.Gold g = prepared.train().get(i).gold();
            text(sha, String.join(",", g.settings()) + "|" + String.join(",", g.settingsOk()) + "|" + String.join(",", g.topics()) + "|"
                    + String.join(",", g.topicsOk()));
            SemanticSignal.RuleView v = prepared.views().get(i);
            text(sha, sorted(v.settings()) + "|" + sorted(v.topics()) + "|" + sorted(v.blocked()) + "|" + v.asked() + "|"
                    + new TreeMap<>(v.weak()));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String sorted(Set<String> s) {
        return String.join(",", new TreeSet<>(s));
    }

    private static void text(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeUTF(FORMAT);
        data.writeUTF(fingerprint);
        for (Facet f : List.of(settings, topics)) {
            data.writeDouble(f.width());
            data.writeDouble(f.ridge());
            data.writeDouble(f.crossValidatedF1());
            data.writeInt(f.alpha().length);
            data.writeInt(f.alpha().length == 0 ? 0 : f.alpha()[0].length);
            for (double[] row : f.alpha()) for (double x : row) data.writeDouble(x);
        }
        data.writeInt(thresholds.size());
        for (var e : thresholds.entrySet()) {
            data.writeUTF(e.getKey());
            data.writeDouble(e.getValue());
        }
        data.flush();
    }

    /** The shipped fit, or null when there is none or it cannot be read (then the signal is fitted at start). */
    static SemanticFit readShipped() {
        try (InputStream raw = SemanticFit.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return raw == null ? null : read(raw);
        } catch (IOException e) {
            return null;
        }
    }

    static SemanticFit read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
        if (!in.readUTF().equals(FORMAT)) return null; // written by another method: fit afresh
        String fingerprint = in.readUTF();
        Facet[] facets = new Facet[2];
        for (int f = 0; f < 2; f++) {
            double width = in.readDouble(), ridge = in.readDouble(), cv = in.readDouble();
            int rows = in.readInt(), columns = in.readInt();
            if (rows < 0 || columns < 0 || (long) rows * columns > 10_000_000) throw new IOException("implausible weights " + rows + " x " + columns);
            double[][] alpha = new double[rows][columns];
            for (double[] row : alpha) for (int c = 0; c < columns; c++) row[c] = in.readDouble();
            facets[f] = new Facet(width, ridge, alpha, cv);
        }
        int n = in.readInt();
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) thresholds.put(in.readUTF(), in.readDouble());
        return new SemanticFit(fingerprint, facets[0], facets[1], Collections.unmodifiableMap(thresholds));
    }
}
