package org.rxradar.tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rxradar.model.Taxonomy;

/**
 * Issue 17, topics: five-fold cross-validation on the training split only (the held-out split is not
 * read) of ways to make the semantic signal's topic additions more precise, as {@code UNSURE} runs at
 * the fixed width and ridge. The rules keep every topic they assign in every variant; a variant only
 * filters the additions. Two figures per variant: "in-sample", thresholds chosen on the very
 * out-of-fold scores they are scored on (what the fit's log line reports), and "nested", thresholds
 * chosen on four folds' out-of-fold scores and applied to the fifth (so a variant with more freedom
 * in choosing cannot flatter itself). {@code java -cp target/test-classes:target/classes:$(cat
 * target/test.cp) org.rxradar.tag.CrossValidateTopics}.
 */
public final class CrossValidateTopics {
    static final List<String> FACET = Taxonomy.TOPICS;
    static final int L = FACET.size();

    /** An addition filter and cap. */
    record Variant(String name, int cap, double margin, boolean marginAmongAll, boolean nearestDescriptionOk, double radius, int neighbours,
                   double beta, boolean betaRareOnly, double slack, double deltaRuleTopic, double deltaJob) {
        Variant(String name, int cap, double margin, boolean marginAmongAll, boolean nearestDescriptionOk, double radius, int neighbours,
                double beta, boolean betaRareOnly, double slack) {
            this(name, cap, margin, marginAmongAll, nearestDescriptionOk, radius, neighbours, beta, betaRareOnly, slack, 0, 0);
        }
        static Variant base() {
            return new Variant("independent thresholds, no margin (before)", 99, Double.NaN, false, false, Double.NaN, 0, 1, false, 0);
        }
        Variant with(String n, double dRule, double dJob) {
            return new Variant(n, cap, margin, marginAmongAll, nearestDescriptionOk, radius, neighbours, beta, betaRareOnly, slack, dRule, dJob);
        }
    }

    static SemanticSignal.Prepared p;
    static int n;
    static double[][] score; // out-of-fold score plus the stacked weak cues, items x labels
    static int[] nearestDescription; // label index of the nearest description (all descriptions are in every fold)
    static double[][] neighbourCos; // per item, per label: cosines to out-of-fold training points with that label, sorted descending (first 5)
    static boolean[] job;
    static boolean[] pharmacyWord;
    static final java.util.regex.Pattern PHARMACY = java.util.regex.Pattern.compile("pharm|technician|\\btechs?\\b|\\bdrugs?\\b|medication|medicine|prescription|\\brx\\b|dispens|compound|ptcb|cpht", java.util.regex.Pattern.CASE_INSENSITIVE);
    static boolean[] rare; // labels the rules assign to fewer than half of their gold items on the training split

    public static void main(String[] args) {
        Tagger rules = Tagger.rulesOnly();
        p = SemanticSignal.prepare(new SentenceEmbedder(), SemanticSignal.trainingItems(), rules::ruleView);
        n = p.items().size();
        List<SemanticSignal.Example> points = p.points(FACET);
        double[][] cos = SemanticSignal.cosines(points);
        double[][] oof = SemanticSignal.outOfFold(points, n, cos, FACET, SemanticSignal.TOPICS_WIDTH, SemanticSignal.TOPICS_RIDGE);
        score = new double[n][L];
        job = new boolean[n];
        for (int i = 0; i < n; i++) job[i] = p.train().get(i).item().kind() == org.rxradar.model.Kind.JOB;
        pharmacyWord = new boolean[n];
        int none = 0, noneWithTopic = 0;
        for (int i = 0; i < n; i++) {
            org.rxradar.model.Item it = p.train().get(i).item();
            pharmacyWord[i] = PHARMACY.matcher(it.title() + " " + (it.summary() == null ? "" : it.summary()) + " " + (it.employer() == null ? "" : it.employer())).find();
            if (!pharmacyWord[i]) {
                none++;
                if (!p.train().get(i).gold().topics().isEmpty()) noneWithTopic++;
            }
        }
        System.out.printf(Locale.ROOT, "items naming no pharmacy word: %d, of which %d carry a gold topic%n", none, noneWithTopic);
        nearestDescription = new int[n];
        neighbourCos = new double[n][L * 5];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < L; l++) score[i][l] = oof[i][l] + SemanticSignal.STACK * p.views().get(i).weak().getOrDefault(FACET.get(l), 0.0);
            int best = -1;
            for (int j = n; j < points.size(); j++) if (best < 0 || cos[i][j] > cos[i][best]) best = j;
            nearestDescription[i] = FACET.indexOf(points.get(best).labels().iterator().next());
            for (int l = 0; l < L; l++) {
                List<Double> c = new ArrayList<>();
                for (int j = 0; j < n; j++) if (j % SemanticSignal.FOLDS != i % SemanticSignal.FOLDS && points.get(j).labels().contains(FACET.get(l))) c.add(cos[i][j]);
                c.sort((a, b) -> Double.compare(b, a));
                for (int k = 0; k < 5; k++) neighbourCos[i][l * 5 + k] = k < c.size() ? c.get(k) : -1;
            }
        }
        rare = new boolean[L];
        StringBuilder rareNames = new StringBuilder();
        for (int l = 0; l < L; l++) {
            int gold = 0, byRules = 0;
            for (int i = 0; i < n; i++) {
                if (p.train().get(i).gold().topics().contains(FACET.get(l))) {
                    gold++;
                    if (p.views().get(i).topics().contains(FACET.get(l))) byRules++;
                }
            }
            rare[l] = byRules < 0.5 * gold;
            if (rare[l]) rareNames.append(' ').append(FACET.get(l));
            System.out.printf(Locale.ROOT, "  %-22s gold %3d, rules find %3d%n", FACET.get(l), gold, byRules);
        }
        System.out.printf(Locale.ROOT, "%d training items; labels the rules find in under half their gold items:%s%n", n, rareNames);

        Variant base = Variant.base();
        report(base, true);
        List<Variant> grid = new ArrayList<>();
        for (int k : new int[] {1, 2}) grid.add(new Variant("at most " + k + " additions by score", k, Double.NaN, false, false, Double.NaN, 0, 1, false, 0));
        for (double m : new double[] {-0.4, -0.3, -0.2, -0.1, -0.05, 0.0, 0.05, 0.1}) {
            for (boolean all : new boolean[] {false, true}) {
                grid.add(new Variant(String.format(Locale.ROOT, "margin %.2f over next best %s", m, all ? "label" : "candidate"), 99, m, all, false, Double.NaN, 0, 1, false, 0));
                grid.add(new Variant(String.format(Locale.ROOT, "margin %.2f over next best %s, or nearest description", m, all ? "label" : "candidate"), 99, m, all, true, Double.NaN, 0, 1, false, 0));
            }
        }
        grid.add(new Variant("only the nearest description's label", 99, Double.POSITIVE_INFINITY, false, true, Double.NaN, 0, 1, false, 0));
        for (double r : new double[] {0.4, 0.5, 0.6, 0.7}) {
            for (int m : new int[] {1, 2, 3}) {
                grid.add(new Variant(String.format(Locale.ROOT, "at least %d labelled neighbours within cosine %.2f", m, r), 99, Double.NaN, false, false, r, m, 1, false, 0));
            }
        }
        for (double beta : new double[] {0.5, 0.7, 0.85}) {
            for (boolean rareOnly : new boolean[] {true, false}) {
                grid.add(new Variant(String.format(Locale.ROOT, "thresholds by F-beta %.2f (%s)", beta, rareOnly ? "rare labels" : "every label"), 99, Double.NaN, false, false, Double.NaN, 0, beta, rareOnly, 0));
            }
        }
        for (double slack : new double[] {0.005, 0.01, 0.02, 0.03}) {
            grid.add(new Variant(String.format(Locale.ROOT, "highest threshold within %.3f of the best F1", slack), 99, Double.NaN, false, false, Double.NaN, 0, 1, false, slack));
        }
        for (int k : new int[] {1, 2}) {
            for (double slack : new double[] {0.01, 0.02}) grid.add(new Variant(String.format(Locale.ROOT, "at most %d additions, highest threshold within %.2f", k, slack), k, Double.NaN, false, false, Double.NaN, 0, 1, false, slack));
            grid.add(new Variant(String.format(Locale.ROOT, "at most %d additions, F-beta 0.7 on rare labels", k), k, Double.NaN, false, false, Double.NaN, 0, 0.7, true, 0));
        }
        breakdown(base);
        perLabelKernel(cos, points);
        for (double d : new double[] {0.05, 0.1, 0.15, 0.2, 0.3}) {
            grid.add(base.with(String.format(Locale.ROOT, "threshold + %.2f where the rules found a topic", d), d, 0));
            grid.add(base.with(String.format(Locale.ROOT, "threshold + %.2f on job leads", d), 0, d));
            grid.add(base.with(String.format(Locale.ROOT, "threshold + %.2f where the rules found a topic and on job leads", d), d, d));
        }
        grid.add(0, base.with("no addition on an item naming no pharmacy word", 0, 0));
        fullyNested(base, grid);
        System.out.println("variant | in-sample macro-F1 | nested macro-F1 | nested macro-F1 of each fold alone");
        for (Variant v : grid) report(v, args.length > 0 && args[0].equals("labels"));
    }

    static double[] baseT;

    /**
     * The choice of variant itself inside the cross-validation: for each fold, the variant (as built,
     * or a margin over the next best candidate from -0.4 to 0, with or without the nearest description,
     * or at most two additions) with the best macro-F1 on the other four folds, thresholds chosen there
     * too, applied to the fold. An estimate of the whole procedure, not of one variant picked by looking.
     */
    static void fullyNested(Variant base, List<Variant> grid) {
        List<Variant> pool = new ArrayList<>();
        pool.add(base);
        for (Variant v : grid) if (v.name().contains("candidate") && v.margin() <= 0 || v.name().equals("at most 2 additions by score")) pool.add(v);
        Counts[] total = new Counts[L];
        for (int l = 0; l < L; l++) total[l] = new Counts();
        StringBuilder picked = new StringBuilder();
        for (int fold = 0; fold < SemanticSignal.FOLDS; fold++) {
            boolean[] train = new boolean[n], test = new boolean[n];
            for (int i = 0; i < n; i++) {
                train[i] = i % SemanticSignal.FOLDS != fold;
                test[i] = !train[i];
            }
            Variant best = null;
            double bestF = -1;
            double[] bestT = null;
            for (Variant v : pool) {
                double[] t = choose(v, train);
                double f = macro(counts(v, t, train));
                if (f > bestF + 1e-9) {
                    bestF = f;
                    best = v;
                    bestT = t;
                }
            }
            Counts[] c = counts(best, bestT, test);
            for (int l = 0; l < L; l++) total[l].add(c[l]);
            picked.append(String.format(Locale.ROOT, "%n    fold %d: %s (%.3f on the other folds, %.3f on the fold)", fold, best.name(), bestF, macro(c)));
        }
        System.out.printf(Locale.ROOT, "variant chosen inside the cross-validation among %d (as built, margins over the next best candidate, at most 2): nested macro-F1 %.3f%s%n",
                pool.size(), macro(total), picked);
    }

    /**
     * A kernel width and ridge per label instead of per facet: each label's (width, ridge) and threshold
     * chosen together by its out-of-fold F1 (in-sample), or on four folds and applied to the fifth (nested).
     */
    static void perLabelKernel(double[][] cos, List<SemanticSignal.Example> points) {
        double[] widths = {0.3, 0.4, 0.6, 0.8}, ridges = {0.1, 0.3, 1.0};
        List<double[][]> scores = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (double w : widths) {
            for (double r : ridges) {
                double[][] oof = SemanticSignal.outOfFold(points, n, cos, FACET, w, r);
                double[][] s = new double[n][L];
                for (int i = 0; i < n; i++) for (int l = 0; l < L; l++) s[i][l] = oof[i][l] + SemanticSignal.STACK * p.views().get(i).weak().getOrDefault(FACET.get(l), 0.0);
                scores.add(s);
                names.add(w + "/" + r);
            }
        }
        double[][] keep = score;
        Variant v = Variant.base();
        Counts[] in = new Counts[L], nested = new Counts[L];
        StringBuilder chosen = new StringBuilder();
        for (int l = 0; l < L; l++) {
            nested[l] = new Counts();
            double best = -1;
            for (int k = 0; k < scores.size(); k++) {
                score = scores.get(k);
                double[] t = choose(v, allItems());
                Counts c = counts(v, t, allItems())[l];
                if (c.f1() > best + 1e-9) {
                    best = c.f1();
                    in[l] = c;
                    if (chosen.length() > 0 && chosen.lastIndexOf(FACET.get(l)) >= 0) chosen.setLength(chosen.lastIndexOf(" " + FACET.get(l)));
                    chosen.append(' ').append(FACET.get(l)).append('=').append(names.get(k));
                }
            }
            for (int fold = 0; fold < SemanticSignal.FOLDS; fold++) {
                boolean[] train = new boolean[n], test = new boolean[n];
                for (int i = 0; i < n; i++) {
                    train[i] = i % SemanticSignal.FOLDS != fold;
                    test[i] = !train[i];
                }
                double bestF = -1;
                Counts bestC = null;
                for (int k = 0; k < scores.size(); k++) {
                    score = scores.get(k);
                    double[] t = choose(v, train);
                    double f = counts(v, t, train)[l].f1();
                    if (f > bestF + 1e-9) {
                        bestF = f;
                        bestC = counts(v, t, test)[l];
                    }
                }
                nested[l].add(bestC);
            }
        }
        score = keep;
        System.out.printf(Locale.ROOT, "%-70s | %.3f | %.3f%n  chosen:%s%n", "kernel width and ridge per label (4 x 3 grid)", macro(in), macro(nested), chosen);
    }

    /** Where the as-built additions land: news or job lead, rules found no topic or one. */
    static void breakdown(Variant v) {
        double[] t = choose(v, allItems());
        int[][] tpfp = new int[4][2];
        String[] names = {"news, no rule topic", "news, one rule topic", "job, no rule topic", "job, a rule topic"};
        Map<String, int[]> perLabel = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            boolean[] pred = predict(v, t, i);
            SemanticSignal.RuleView view = p.views().get(i);
            int g = (job[i] ? 2 : 0) + (view.topics().isEmpty() ? 0 : 1);
            LabeledItem.Gold gold = p.train().get(i).gold();
            int added = 0;
            for (int l = 0; l < L; l++) {
                if (!pred[l] || view.topics().contains(FACET.get(l))) continue;
                added++;
                boolean right = gold.topics().contains(FACET.get(l)) || gold.topicsOk().contains(FACET.get(l));
                tpfp[g][right ? 0 : 1]++;
                perLabel.computeIfAbsent(FACET.get(l) + (job[i] ? " job" : " news") + (view.topics().isEmpty() ? " 0" : " 1"), k -> new int[2])[right ? 0 : 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            boolean[] pred = predict(v, t, i);
            SemanticSignal.RuleView view = p.views().get(i);
            LabeledItem.Gold gold = p.train().get(i).gold();
            StringBuilder wrong = new StringBuilder();
            for (int l = 0; l < L; l++) {
                if (pred[l] && !view.topics().contains(FACET.get(l)) && !gold.topics().contains(FACET.get(l)) && !gold.topicsOk().contains(FACET.get(l))) {
                    wrong.append(String.format(Locale.ROOT, " %s=%.2f", FACET.get(l), score[i][l]));
                }
            }
            if (wrong.length() > 0) System.out.printf(Locale.ROOT, "WRONG %s%s gold %s rules %s | %s%n", job[i] ? "job " : "news", wrong, gold.topics(), view.topics(), p.train().get(i).item().title());
        }
        for (int g = 0; g < 4; g++) System.out.printf(Locale.ROOT, "additions on %s: %d right, %d wrong%n", names[g], tpfp[g][0], tpfp[g][1]);
        perLabel.forEach((k, c) -> System.out.printf(Locale.ROOT, "  %-30s %d right, %d wrong%n", k, c[0], c[1]));
    }

    static void report(Variant v, boolean labels) {
        double[] t = choose(v, allItems());
        if (baseT == null) baseT = t.clone();
        Counts[] in = counts(v, t, allItems());
        // nested: thresholds chosen without the fold
        Counts[] nested = new Counts[L];
        for (int l = 0; l < L; l++) nested[l] = new Counts();
        StringBuilder perFold = new StringBuilder();
        for (int fold = 0; fold < SemanticSignal.FOLDS; fold++) {
            boolean[] train = new boolean[n], test = new boolean[n];
            for (int i = 0; i < n; i++) {
                train[i] = i % SemanticSignal.FOLDS != fold;
                test[i] = !train[i];
            }
            double[] tf = choose(v, train);
            Counts[] c = counts(v, tf, test);
            for (int l = 0; l < L; l++) nested[l].add(c[l]);
            perFold.append(String.format(Locale.ROOT, " %.3f", macro(c)));
        }
        System.out.printf(Locale.ROOT, "%-70s | %.3f | %.3f |%s%n", v.name(), macro(in), macro(nested), perFold.toString());
        if (labels) {
            for (int l = 0; l < L; l++) {
                System.out.printf(Locale.ROOT, "    %-22s t %.2f  in-sample F1 %.3f (tp %d fp %d fn %d)  nested F1 %.3f (tp %d fp %d fn %d)%n", FACET.get(l), t[l],
                        in[l].f1(), in[l].tp, in[l].fp, in[l].fn, nested[l].f1(), nested[l].tp, nested[l].fp, nested[l].fn);
            }
        }
    }

    static boolean[] allItems() {
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        return all;
    }

    static final class Counts {
        int tp, fp, fn;
        void add(Counts o) {
            tp += o.tp;
            fp += o.fp;
            fn += o.fn;
        }
        double f1() {
            return Evaluation.f1(tp, fp, fn);
        }
        double fbeta(double beta) {
            double b2 = beta * beta;
            double d = (1 + b2) * tp + b2 * fn + fp;
            return d == 0 ? 0 : (1 + b2) * tp / d;
        }
    }

    static double macro(Counts[] c) {
        double s = 0;
        for (Counts x : c) s += x.f1();
        return s / c.length;
    }

    /** The topics predicted for item i: the rules' plus the additions the variant lets through. */
    static boolean[] predict(Variant v, double[] t, int i) {
        SemanticSignal.RuleView view = p.views().get(i);
        boolean[] out = new boolean[L];
        for (int l = 0; l < L; l++) out[l] = view.topics().contains(FACET.get(l));
        if (!view.asked()) return out;
        if (v.name().startsWith("no addition") && !pharmacyWord[i]) return out;
        List<Integer> cand = new ArrayList<>();
        for (int l = 0; l < L; l++) {
            double need = t[l] + (view.topics().isEmpty() ? 0 : v.deltaRuleTopic()) + (job[i] ? v.deltaJob() : 0);
            if (out[l] || view.blocked().contains(FACET.get(l)) || score[i][l] < need) continue;
            cand.add(l);
        }
        List<Integer> kept = new ArrayList<>();
        for (int l : cand) {
            boolean pass = true;
            if (!Double.isNaN(v.margin())) {
                double next = Double.NEGATIVE_INFINITY;
                if (v.marginAmongAll()) {
                    for (int k = 0; k < L; k++) if (k != l) next = Math.max(next, score[i][k]);
                } else {
                    for (int k : cand) if (k != l) next = Math.max(next, score[i][k]);
                }
                pass = score[i][l] - next >= v.margin();
                if (!pass && v.nearestDescriptionOk() && nearestDescription[i] == l) pass = true;
            }
            if (pass && v.neighbours() > 0) pass = neighbourCos[i][l * 5 + v.neighbours() - 1] >= v.radius();
            if (pass) kept.add(l);
        }
        kept.sort((a, b) -> Double.compare(score[i][b], score[i][a]));
        for (int j = 0; j < Math.min(v.cap(), kept.size()); j++) out[kept.get(j)] = true;
        return out;
    }

    static Counts[] counts(Variant v, double[] t, boolean[] which) {
        Counts[] c = new Counts[L];
        for (int l = 0; l < L; l++) c[l] = new Counts();
        for (int i = 0; i < n; i++) {
            if (!which[i]) continue;
            boolean[] pred = predict(v, t, i);
            LabeledItem.Gold g = p.train().get(i).gold();
            for (int l = 0; l < L; l++) {
                boolean gold = g.topics().contains(FACET.get(l)), ok = g.topicsOk().contains(FACET.get(l));
                if (pred[l] && gold) c[l].tp++;
                else if (pred[l] && !ok) c[l].fp++;
                else if (!pred[l] && gold) c[l].fn++;
            }
        }
        return c;
    }

    /**
     * Thresholds for a variant on the given items: each label's threshold chosen in turn (from the
     * highest, ties to the higher) with the others fixed, two passes (a cap or a margin couples the
     * labels); the objective is the label's F1, or F-beta, or the highest threshold within the slack.
     */
    static double[] choose(Variant v, boolean[] which) {
        double[] t = new double[L];
        Arrays.fill(t, SemanticSignal.MAX_THRESHOLD);
        for (int pass = 0; pass < 3; pass++) {
            for (int l = 0; l < L; l++) {
                double beta = v.betaRareOnly() && !rare[l] ? 1 : v.beta();
                List<double[]> tried = new ArrayList<>();
                double bestF = -1;
                for (int step = (int) Math.round(SemanticSignal.MAX_THRESHOLD * 100); step >= SemanticSignal.MIN_THRESHOLD * 100 - 1e-9; step -= 5) {
                    t[l] = step / 100.0;
                    Counts c = counts(v, t, which)[l];
                    double f = beta == 1 ? c.f1() : c.fbeta(beta);
                    tried.add(new double[] {t[l], f});
                    bestF = Math.max(bestF, f);
                }
                double chosen = SemanticSignal.MAX_THRESHOLD;
                for (double[] tf : tried) { // from the highest threshold down: the first within the slack (or the best, ties to the higher)
                    if (tf[1] >= bestF - v.slack() - 1e-9) {
                        chosen = tf[0];
                        break;
                    }
                }
                t[l] = chosen;
            }
            if (v.cap() == 99 && Double.isNaN(v.margin())) break; // labels independent: one pass is exact
        }
        return t;
    }

    static Map<String, Double> named(double[] t) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int l = 0; l < L; l++) m.put(FACET.get(l), t[l]);
        return m;
    }
}
