package org.rxradar.tag;

import java.util.List;
import java.util.Locale;
import org.rxradar.model.Taxonomy;

/**
 * Research tool: five-fold cross-validation on the training split only of a per-label logistic
 * regression on the sentence vectors (L2, soft targets 1 / 0.5 for a fair second reading / 0),
 * alone and averaged with the kernel ridge regression {@link SemanticSignal} uses, each scored with
 * the rules as {@code UNSURE} runs and thresholds chosen as {@link SemanticSignal#choose} does.
 * {@code java -cp target/test-classes:target/classes:$(cat target/test.cp) org.rxradar.tag.CrossValidateLogistic}.
 * The held-out split is not read.
 */
public final class CrossValidateLogistic {
    public static void main(String[] args) {
        Tagger rules = Tagger.rulesOnly();
        SemanticSignal.Prepared prepared = SemanticSignal.prepare(new SentenceEmbedder(), SemanticSignal.trainingItems(), rules::ruleView);
        System.out.printf(Locale.ROOT, "%d training items%n", prepared.items().size());
        for (List<String> facet : List.of(Taxonomy.SETTINGS, Taxonomy.TOPICS)) {
            boolean setting = facet == Taxonomy.SETTINGS;
            String name = setting ? "settings" : "topics";
            List<SemanticSignal.Example> points = prepared.points(facet);
            int items = prepared.items().size();
            double[][] cos = SemanticSignal.cosines(points);
            double width = setting ? SemanticSignal.SETTINGS_WIDTH : SemanticSignal.TOPICS_WIDTH;
            double ridge = setting ? SemanticSignal.SETTINGS_RIDGE : SemanticSignal.TOPICS_RIDGE;
            double[][] krr = krrOutOfFold(points, items, cos, facet, width, ridge);
            System.out.printf(Locale.ROOT, "%s kernel ridge (width %.2f ridge %.2f): %.3f%n", name, width, ridge, macro(prepared, facet, krr));
            for (double lambda : new double[] {1e-4, 1e-3, 1e-2, 0.03, 0.1}) {
                for (double scale : new double[] {2, 5, 10}) {
                    double[][] lr = logisticOutOfFold(points, items, facet, lambda, scale);
                    double[][] mean = new double[items][facet.size()];
                    for (int i = 0; i < items; i++) for (int l = 0; l < facet.size(); l++) mean[i][l] = (lr[i][l] + krr[i][l]) / 2;
                    System.out.printf(Locale.ROOT, "%s logistic lambda %.4f scale %.0f: alone %.3f, mean with kernel ridge %.3f%n", name, lambda, scale,
                            macro(prepared, facet, lr), macro(prepared, facet, mean));
                }
            }
        }
    }

    static double macro(SemanticSignal.Prepared p, List<String> facet, double[][] scores) {
        double sum = 0;
        for (int l = 0; l < facet.size(); l++) {
            sum += SemanticSignal.choose(facet.get(l), l, p.train(), scores, p.views(), facet == Taxonomy.SETTINGS, true, SemanticSignal.STACK)[1];
        }
        return sum / facet.size();
    }

    static double[][] krrOutOfFold(List<SemanticSignal.Example> points, int items, double[][] cos, List<String> facet, double width, double ridge) {
        double[][] out = new double[items][];
        for (int fold = 0; fold < SemanticSignal.FOLDS; fold++) {
            int[] idx = idx(points.size(), items, fold);
            double[][] alpha = SemanticSignal.solve(points, idx, cos, facet, width, ridge);
            for (int i = fold; i < items; i += SemanticSignal.FOLDS) {
                double[] s = new double[facet.size()];
                for (int j = 0; j < idx.length; j++) {
                    double k = SemanticSignal.kernel(cos[i][idx[j]], width);
                    for (int l = 0; l < s.length; l++) s[l] += alpha[j][l] * k;
                }
                out[i] = s;
            }
        }
        return out;
    }

    private static int[] idx(int n, int items, int fold) {
        return java.util.stream.IntStream.range(0, n).filter(i -> i >= items || i % SemanticSignal.FOLDS != fold).toArray();
    }

    /** Logistic regression per label on the unit vectors times {@code scale}, full-batch gradient descent (Adam). */
    static double[][] logisticOutOfFold(List<SemanticSignal.Example> points, int items, List<String> facet, double lambda, double scale) {
        double[][] out = new double[items][facet.size()];
        int d = points.get(0).vector().length;
        for (int fold = 0; fold < SemanticSignal.FOLDS; fold++) {
            int[] idx = idx(points.size(), items, fold);
            for (int l = 0; l < facet.size(); l++) {
                String label = facet.get(l);
                double[] w = new double[d + 1], m = new double[d + 1], v = new double[d + 1];
                double lr = 0.05;
                for (int it = 1; it <= 300; it++) {
                    double[] g = new double[d + 1];
                    for (int j : idx) {
                        SemanticSignal.Example e = points.get(j);
                        double y = e.labels().contains(label) ? 1 : e.ok().contains(label) ? 0.5 : 0;
                        double z = w[d];
                        float[] x = e.vector();
                        for (int k = 0; k < d; k++) z += w[k] * x[k] * scale;
                        double r = 1 / (1 + Math.exp(-z)) - y;
                        for (int k = 0; k < d; k++) g[k] += r * x[k] * scale;
                        g[d] += r;
                    }
                    for (int k = 0; k <= d; k++) {
                        g[k] = g[k] / idx.length + (k < d ? lambda * w[k] : 0);
                        m[k] = 0.9 * m[k] + 0.1 * g[k];
                        v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k];
                        double mh = m[k] / (1 - Math.pow(0.9, it)), vh = v[k] / (1 - Math.pow(0.999, it));
                        w[k] -= lr * mh / (Math.sqrt(vh) + 1e-8);
                    }
                }
                for (int i = fold; i < items; i += SemanticSignal.FOLDS) {
                    double z = w[d];
                    float[] x = points.get(i).vector();
                    for (int k = 0; k < d; k++) z += w[k] * x[k] * scale;
                    out[i][l] = 1 / (1 + Math.exp(-z));
                }
            }
        }
        return out;
    }
}
