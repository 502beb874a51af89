package org.rxradar.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rxradar.model.Kind;
import org.rxradar.model.Taxonomy;

/**
 * Issue 17, settings: five-fold cross-validation on the training split only (the held-out split is
 * not read) of the settings facet as {@code UNSURE} runs, at the fixed width and ridge, with the
 * out-of-fold misses, and of two method variants: the signal adding a second setting where the rules
 * placed the item ("second"), and a strong vote against a rule setting that rests on little ("veto").
 * {@code java -cp target/test-classes:target/classes:$(cat target/test.cp) org.rxradar.tag.CrossValidateSettings [misses]}.
 */
public final class CrossValidateSettings {
    public static void main(String[] args) {
        Tagger rules = Tagger.rulesOnly();
        List<LabeledItem> train = SemanticSignal.trainingItems();
        SemanticSignal.Prepared prepared = SemanticSignal.prepare(new SentenceEmbedder(), train, rules::ruleView);
        List<Tagger.SettingsDetail> details = new ArrayList<>();
        for (LabeledItem li : train) details.add(rules.settingsDetail(li.item()));
        System.out.printf(Locale.ROOT, "%d training items%n", train.size());
        List<String> facet = Taxonomy.SETTINGS;
        List<SemanticSignal.Example> points = prepared.points(facet);
        double[][] cos = SemanticSignal.cosines(points);
        SemanticSignal.Fit base = SemanticSignal.crossValidate(prepared, facet, cos, SemanticSignal.SETTINGS_WIDTH, SemanticSignal.SETTINGS_RIDGE, true);
        System.out.printf(Locale.ROOT, "settings baseline UNSURE macro-F1 %.3f %s%n  thresholds %s%n", base.macro(), base.f1(), base.thresholds());
        if (args.length == 0 || !args[0].equals("nosettings-topics")) {
            List<SemanticSignal.Example> tp = prepared.points(Taxonomy.TOPICS);
            SemanticSignal.Fit topics = SemanticSignal.crossValidate(prepared, Taxonomy.TOPICS, SemanticSignal.cosines(tp), SemanticSignal.TOPICS_WIDTH, SemanticSignal.TOPICS_RIDGE, true);
            System.out.printf(Locale.ROOT, "topics UNSURE macro-F1 %.3f%n", topics.macro());
        }
        double[][] oof = SemanticSignal.outOfFold(points, prepared.items().size(), cos, facet, SemanticSignal.SETTINGS_WIDTH, SemanticSignal.SETTINGS_RIDGE);
        Map<String, Double> t = base.thresholds();
        // baseline recomputed by this class's predictor (must equal the above)
        System.out.printf(Locale.ROOT, "recomputed baseline %.3f%n", macro(prepared, details, oof, t, 99, 99, 99, false));
        for (boolean allItems : new boolean[] {false, true}) {
            for (double margin : new double[] {0.0, 0.1, 0.2, 0.3, 0.4, 0.5}) {
                System.out.printf(Locale.ROOT, "second setting where placed (%s), threshold + %.1f: %.3f%n", allItems ? "every item" : "asked items", margin,
                        macro(prepared, details, oof, t, margin, 99, 99, allItems));
            }
        }
        for (boolean allItems : new boolean[] {false, true}) {
            for (double ruleMax : new double[] {1.0, 1.2, 1.5}) {
                for (double vetoBelow : new double[] {-0.2, 0.0, 0.1, 0.2}) {
                    System.out.printf(Locale.ROOT, "veto (%s) a rule setting scored <= %.1f when its vote < %.1f: %.3f%n", allItems ? "every item" : "asked items", ruleMax, vetoBelow,
                            macro(prepared, details, oof, t, 99, ruleMax, vetoBelow, allItems));
                }
            }
        }
        for (double vetoBelow : new double[] {0.1, 0.2, 0.3}) {
            for (double ruleMax : new double[] {1.0, 1.2, 1.5, 2.0}) {
                System.out.printf(Locale.ROOT, "veto (asked items) a rule setting scored <= %.1f when its vote < %.1f: %.3f; with a second setting at threshold + 0.1: %.3f, + 0.2: %.3f%n", ruleMax, vetoBelow,
                        macro(prepared, details, oof, t, 99, ruleMax, vetoBelow, false), macro(prepared, details, oof, t, 0.1, ruleMax, vetoBelow, false),
                        macro(prepared, details, oof, t, 0.2, ruleMax, vetoBelow, false));
            }
        }
        if (args.length > 0 && args[0].equals("misses")) misses(prepared, details, oof, t);
    }

    /** Macro-F1 of settings: rules, plus the signal as UNSURE adds; {@code margin}: a second setting where the rules placed the item at threshold + margin; veto: drop a rule setting scored at most {@code ruleMax} when its vote is below {@code vetoBelow}. */
    static double macro(SemanticSignal.Prepared p, List<Tagger.SettingsDetail> details, double[][] oof, Map<String, Double> t,
                        double margin, double ruleMax, double vetoBelow, boolean allItems) {
        double sum = 0;
        List<String> facet = Taxonomy.SETTINGS;
        for (int l = 0; l < facet.size(); l++) {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < p.train().size(); i++) {
                boolean predicted = predict(p, details, oof, t, margin, ruleMax, vetoBelow, allItems, i).contains(facet.get(l));
                LabeledItem.Gold g = p.train().get(i).gold();
                boolean gold = g.settings().contains(facet.get(l)), ok = g.settingsOk().contains(facet.get(l));
                if (predicted && gold) tp++;
                else if (predicted && !ok) fp++;
                else if (!predicted && gold) fn++;
            }
            sum += Evaluation.f1(tp, fp, fn);
        }
        return sum / facet.size();
    }

    static Set<String> predict(SemanticSignal.Prepared p, List<Tagger.SettingsDetail> details, double[][] oof, Map<String, Double> t,
                               double margin, double ruleMax, double vetoBelow, boolean allItems, int i) {
        List<String> facet = Taxonomy.SETTINGS;
        SemanticSignal.RuleView v = p.views().get(i);
        Tagger.SettingsDetail d = details.get(i);
        Set<String> out = new java.util.TreeSet<>();
        boolean asked = v.asked();
        for (int l = 0; l < facet.size(); l++) {
            String label = facet.get(l);
            double score = oof[i][l] + SemanticSignal.STACK * v.weak().getOrDefault(label, 0.0);
            if (v.settings().contains(label)) {
                boolean veto = vetoBelow < 9 && (asked || allItems) && d.scores().getOrDefault(label, 9.0) <= ruleMax + 1e-9 && oof[i][l] < vetoBelow && v.settings().size() >= 1;
                if (!veto) out.add(label);
                continue;
            }
            if (v.blocked().contains(label) && (v.settings().isEmpty() || d.negatedOrYielded().contains(label))) continue;
            if (v.settings().isEmpty()) {
                if (asked && score >= t.get(label)) out.add(label);
            } else if ((asked || allItems) && score >= t.get(label) + margin) {
                out.add(label);
            }
        }
        return out;
    }

    static void misses(SemanticSignal.Prepared p, List<Tagger.SettingsDetail> details, double[][] oof, Map<String, Double> t) {
        for (int i = 0; i < p.train().size(); i++) {
            Set<String> pred = predict(p, details, oof, t, Double.POSITIVE_INFINITY, -1, 0, false, i); // as built: no second setting, no veto
            LabeledItem li = p.train().get(i);
            Set<String> gold = new java.util.TreeSet<>(li.gold().settings());
            Set<String> ok = new java.util.TreeSet<>(li.gold().settingsOk());
            boolean miss = !pred.containsAll(gold);
            for (String s : pred) if (!gold.contains(s) && !ok.contains(s)) miss = true;
            if (!miss) continue;
            StringBuilder votes = new StringBuilder();
            for (int l = 0; l < Taxonomy.SETTINGS.size(); l++) if (oof[i][l] > 0.2) votes.append(String.format(Locale.ROOT, " %s=%.2f", Taxonomy.SETTINGS.get(l), oof[i][l]));
            System.out.printf(Locale.ROOT, "MISS %s [%s] gold %s ok %s pred %s rules %s%s asked=%s votes:%s%n  %s | %s | %s%n", li.item().id(),
                    li.item().kind() == Kind.JOB ? "job" : "news", gold, ok, pred, details.get(i).evidence(), "", p.views().get(i).asked(), votes,
                    li.item().title(), li.item().employer(), li.item().summary());
        }
    }
}
