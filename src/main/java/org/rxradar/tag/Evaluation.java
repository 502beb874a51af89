package org.rxradar.tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.rxradar.model.Certification;
import org.rxradar.model.Item;
import org.rxradar.model.Kind;
import org.rxradar.model.Salary;
import org.rxradar.model.TaggedItem;

/**
 * Scores a tagger against labeled items. Per facet: precision, recall and F1 per label (labels in
 * the item's {@code *_ok} list are skipped for that item), micro-F1 over all decisions and
 * macro-F1 as the mean over labels that occur in gold or predictions. Relevance accuracy is over
 * all items; salary exact match (same min, max and unit; both null counts) over job leads;
 * certification F1 over (id, required) pairs, an either/or requirement counting as one pair per
 * alternative (as gold labels list "PTCB or ExCPT required": both, required); employment and shift exact match over job leads.
 */
public final class Evaluation {
    /** Counts for one label. */
    public record LabelScore(String label, int tp, int fp, int fn) {
        public double precision() { return tp + fp == 0 ? 0 : tp / (double) (tp + fp); }
        public double recall() { return tp + fn == 0 ? 0 : tp / (double) (tp + fn); }
        public double f1() { return Evaluation.f1(tp, fp, fn); }
    }

    /** One facet's scores. */
    public record FacetScore(String facet, List<LabelScore> labels, double microF1, double macroF1) {}

    /** An item the tagger got wrong, with what it said and why. */
    public record Miss(String id, String title, int errors, List<String> problems, Map<String, List<String>> evidence) {}

    /** Everything {@code eval} prints. */
    public record Report(int items, FacetScore settings, FacetScore topics, double relevanceAccuracy, double salaryExact,
                         int jobLeads, double certificationF1, double employmentExact, double shiftExact, List<Miss> misses) {}

    private Evaluation() {}

    public static Report run(Tagger tagger, List<LabeledItem> items) {
        Objects.requireNonNull(tagger, "tagger");
        return run(tagger::tag, items);
    }

    /** The same for any tagging function (tagged items computed once and scored several ways). */
    public static Report run(Function<Item, TaggedItem> tagger, List<LabeledItem> items) {
        Objects.requireNonNull(tagger, "tagger");
        Map<String, int[]> settings = new TreeMap<>(), topics = new TreeMap<>();
        int relevantRight = 0, salaryRight = 0, jobs = 0, employmentRight = 0, shiftRight = 0;
        int certTp = 0, certFp = 0, certFn = 0;
        List<Miss> misses = new ArrayList<>();
        for (LabeledItem li : items) {
            TaggedItem t = tagger.apply(li.item());
            LabeledItem.Gold g = li.gold();
            List<String> problems = new ArrayList<>();
            count(settings, t.settings(), g.settings(), g.settingsOk(), "setting", problems);
            count(topics, t.topics(), g.topics(), g.topicsOk(), "topic", problems);
            if (t.relevant() == g.relevant()) relevantRight++;
            else problems.add("relevant " + t.relevant() + " (gold " + g.relevant() + ")");
            if (li.item().kind() == Kind.JOB) {
                jobs++;
                if (sameSalary(t.salary(), g.salary())) salaryRight++;
                else problems.add("salary " + show(t.salary()) + " (gold " + show(g.salary()) + ")");
                if (Objects.equals(t.employment(), g.employment())) employmentRight++;
                else problems.add("employment " + t.employment() + " (gold " + g.employment() + ")");
                if (new HashSet<>(t.shift()).equals(new HashSet<>(g.shift()))) shiftRight++;
                else problems.add("shift " + t.shift() + " (gold " + g.shift() + ")");
            }
            Set<Certification> predicted = pairs(t.certifications()), gold = pairs(g.certifications());
            for (Certification c : predicted) {
                if (gold.contains(c)) certTp++;
                else { certFp++; problems.add("extra certification " + c.id() + (c.required() ? " required" : " preferred")); }
            }
            for (Certification c : gold) {
                if (!predicted.contains(c)) { certFn++; problems.add("missed certification " + c.id() + (c.required() ? " required" : " preferred")); }
            }
            if (!problems.isEmpty()) misses.add(new Miss(li.item().id(), li.item().title(), problems.size(), problems, t.evidence()));
        }
        misses.sort(Comparator.comparingInt(Miss::errors).reversed().thenComparing(Miss::id));
        int n = items.size();
        return new Report(n, facet("settings", settings), facet("topics", topics), n == 0 ? 0 : relevantRight / (double) n,
                jobs == 0 ? 0 : salaryRight / (double) jobs, jobs, f1(certTp, certFp, certFn),
                jobs == 0 ? 0 : employmentRight / (double) jobs, jobs == 0 ? 0 : shiftRight / (double) jobs, misses);
    }

    private static void count(Map<String, int[]> counts, List<String> predicted, List<String> gold, List<String> ok,
                              String facet, List<String> problems) {
        Set<String> labels = new HashSet<>(predicted);
        labels.addAll(gold);
        for (String l : labels) {
            if (ok.contains(l) && !gold.contains(l)) continue;
            int[] c = counts.computeIfAbsent(l, k -> new int[3]);
            boolean p = predicted.contains(l), g = gold.contains(l);
            if (p && g) c[0]++;
            else if (p) { c[1]++; problems.add("extra " + facet + " " + l); }
            else { c[2]++; problems.add("missed " + facet + " " + l); }
        }
    }

    private static FacetScore facet(String name, Map<String, int[]> counts) {
        List<LabelScore> labels = new ArrayList<>();
        int tp = 0, fp = 0, fn = 0;
        double macro = 0;
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            LabelScore s = new LabelScore(e.getKey(), c[0], c[1], c[2]);
            labels.add(s);
            tp += c[0]; fp += c[1]; fn += c[2];
            macro += s.f1();
        }
        return new FacetScore(name, labels, f1(tp, fp, fn), labels.isEmpty() ? 0 : macro / labels.size());
    }

    static boolean sameSalary(Salary a, Salary b) {
        if (a == null || b == null) return a == b;
        return a.unit() == b.unit() && same(a.min(), b.min()) && same(a.max(), b.max());
    }

    private static boolean same(Double a, Double b) {
        if (a == null || b == null) return a == b;
        return Math.abs(a - b) < 0.005;
    }

    private static String show(Salary s) {
        return s == null ? "none" : s.min() + "-" + s.max() + "/" + s.unit();
    }

    /** One (id, required) pair per credential, an either/or requirement split into its alternatives. */
    static Set<Certification> pairs(List<Certification> certs) {
        Set<Certification> out = new java.util.LinkedHashSet<>();
        for (Certification c : certs) for (String id : c.alternatives()) out.add(new Certification(id, c.required()));
        return out;
    }

    static double f1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** Label -> F1, for quick assertions. */
    public static Map<String, Double> f1ByLabel(FacetScore facet) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (LabelScore l : facet.labels()) out.put(l.label(), l.f1());
        return out;
    }
}
