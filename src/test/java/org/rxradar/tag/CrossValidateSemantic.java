package org.rxradar.tag;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rxradar.model.Taxonomy;

/**
 * Prints five-fold cross-validation of the semantic signal on the training split only, over a grid
 * of kernel widths and ridges, per facet and label: how {@link SemanticSignal}'s fixed width and
 * ridge were chosen. Run after editing the corpus, with this class on the test class path:
 * {@code java -cp target/test-classes:target/classes:$(cat target/test.cp) org.rxradar.tag.CrossValidateSemantic}.
 * The held-out split is not read.
 */
public final class CrossValidateSemantic {
    static final double[] WIDTHS = {0.2, 0.3, 0.4, 0.6, 0.8, 1.2};
    static final double[] RIDGES = {0.1, 0.3, 1.0, 3.0};

    public static void main(String[] args) {
        Tagger rules = Tagger.rulesOnly();
        SemanticSignal.Prepared prepared = SemanticSignal.prepare(new SentenceEmbedder(), SemanticSignal.trainingItems(), rules::ruleView);
        System.out.printf(Locale.ROOT, "%d training items%n", prepared.items().size());
        if (args.length > 0 && args[0].equals("criteria")) {
            criteria(prepared);
            return;
        }
        for (List<String> facet : List.of(Taxonomy.SETTINGS, Taxonomy.TOPICS)) {
            String name = facet == Taxonomy.SETTINGS ? "settings" : "topics";
            double[][] cos = SemanticSignal.cosines(prepared.points(facet));
            rulesAlone(prepared, facet, name);
            SemanticSignal.Fit best = null;
            for (double width : WIDTHS) {
                for (double ridge : RIDGES) {
                    SemanticSignal.Fit unsure = SemanticSignal.crossValidate(prepared, facet, cos, width, ridge, true);
                    SemanticSignal.Fit all = SemanticSignal.crossValidate(prepared, facet, cos, width, ridge, false);
                    System.out.printf(Locale.ROOT, "%s width %.2f ridge %.2f: macro-F1 UNSURE %.3f, ALL %.3f%n", name, width, ridge, unsure.macro(), all.macro());
                    if (best == null || unsure.macro() > best.macro() + 1e-9) best = unsure;
                }
            }
            for (double stack : new double[] {0.25, 0.5, 1.0}) {
                SemanticSignal.Fit s = SemanticSignal.crossValidate(prepared, facet, cos, best.width(), best.ridge(), true, stack);
                System.out.printf(Locale.ROOT, "%s width %.2f ridge %.2f, weak rule scores added x %.2f: macro-F1 UNSURE %.3f %s%n", name, best.width(), best.ridge(), stack, s.macro(), s.f1());
            }
            System.out.printf(Locale.ROOT, "%s best: width %.2f ridge %.2f macro-F1 %.3f%n", name, best.width(), best.ridge(), best.macro());
            for (Map.Entry<String, Double> e : best.f1().entrySet()) {
                System.out.printf(Locale.ROOT, "  %-22s F1 %.3f threshold %.2f%n", e.getKey(), e.getValue(), best.thresholds().get(e.getKey()));
            }
        }
    }

    /** Topics macro-F1 at the chosen width and ridge when the signal is asked about news by other criteria. */
    private static void criteria(SemanticSignal.Prepared prepared) {
        List<String> facet = Taxonomy.TOPICS;
        double[][] cos = SemanticSignal.cosines(prepared.points(facet));
        Map<String, java.util.function.BiPredicate<Boolean, SemanticSignal.RuleView>> criteria = new java.util.LinkedHashMap<>();
        criteria.put("no setting, or news with no topic", (job, v) -> v.settings().isEmpty() || !job && v.topics().isEmpty());
        criteria.put("no setting, or news with at most one topic", (job, v) -> v.settings().isEmpty() || !job && v.topics().size() <= 1);
        criteria.put("no setting, or any news", (job, v) -> v.settings().isEmpty() || !job);
        for (var c : criteria.entrySet()) {
            List<SemanticSignal.RuleView> views = new java.util.ArrayList<>();
            int asked = 0, news = 0;
            for (int i = 0; i < prepared.train().size(); i++) {
                boolean job = prepared.train().get(i).item().kind() == org.rxradar.model.Kind.JOB;
                SemanticSignal.RuleView v = prepared.views().get(i);
                boolean a = c.getValue().test(job, v);
                if (!job) news++;
                if (!job && a) asked++;
                views.add(new SemanticSignal.RuleView(v.settings(), v.topics(), v.blocked(), a, v.weak()));
            }
            SemanticSignal.Prepared p = new SemanticSignal.Prepared(prepared.train(), prepared.items(), views, prepared.descriptions());
            SemanticSignal.Fit fit = SemanticSignal.crossValidate(p, facet, cos, SemanticSignal.TOPICS_WIDTH, SemanticSignal.TOPICS_RIDGE, true);
            System.out.printf(Locale.ROOT, "topics, asked when %s: macro-F1 %.3f (news asked %d of %d) %s%n", c.getKey(), fit.macro(), asked, news, fit.f1());
        }
    }

    /** F1 per label of the rules alone on the training split, for comparison. */
    private static void rulesAlone(SemanticSignal.Prepared prepared, List<String> facet, String name) {
        double macro = 0;
        StringBuilder line = new StringBuilder();
        for (String label : facet) {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < prepared.train().size(); i++) {
                LabeledItem.Gold g = prepared.train().get(i).gold();
                SemanticSignal.RuleView v = prepared.views().get(i);
                boolean setting = facet == Taxonomy.SETTINGS;
                boolean predicted = (setting ? v.settings() : v.topics()).contains(label);
                boolean gold = (setting ? g.settings() : g.topics()).contains(label);
                boolean ok = (setting ? g.settingsOk() : g.topicsOk()).contains(label);
                if (predicted && gold) tp++;
                else if (predicted && !ok) fp++;
                else if (!predicted && gold) fn++;
            }
            double f1 = Evaluation.f1(tp, fp, fn);
            macro += f1;
            line.append(String.format(Locale.ROOT, " %s %.3f", label, f1));
        }
        System.out.printf(Locale.ROOT, "%s rules alone on the training split: macro-F1 %.3f;%s%n", name, macro / facet.size(), line);
    }
}
