package org.rxradar.tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.rxradar.model.Item;
import org.rxradar.model.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tagger's second opinion: an item's sentence vector is scored for each setting and topic by
 * kernel ridge regression on the labelled training items and the label descriptions (one small
 * linear system per facet, solved once). A label the rules did not assign is added when its score
 * reaches the label's threshold (cues the rules found too weak to assign it add {@link #STACK} of
 * their score), unless the rules are certain it does not apply (a negated cue, a setting that
 * yielded to a chain's division); a topic also needs to come within {@link #TOPICS_MARGIN} of the
 * item's best topic addition. The rules keep every tag they assign.
 *
 * <p>Everything is chosen on the training split only. A threshold per label: five-fold
 * cross-validation scores each training item with a model that did not see it, combines that with
 * what the rules said of the item (adding only where the default mode asks the signal), and keeps
 * what gives the best F1; this runs once, when the signal is first needed, from
 * {@code tagger/corpus-train.jsonl} and {@code tagger/labels.yml}. The kernel width, the ridge and
 * {@link #STACK} were chosen the same way over a grid, offline, and are fixed below.
 */
final class SemanticSignal {
    private static final Logger log = LoggerFactory.getLogger(SemanticSignal.class);
    static final String TRAIN = "tagger/corpus-train.jsonl";
    static final String LABELS = "tagger/labels.yml";
    static final int FOLDS = 5;
    /**
     * Kernel width and ridge per facet, chosen by five-fold cross-validation on the training split
     * ({@code CrossValidateSemantic} in the tests prints the grid); fixed here so that starting the
     * tagger solves one cross-validation per facet, not one per grid point.
     */
    static final double SETTINGS_WIDTH = 0.6, SETTINGS_RIDGE = 1.0;
    static final double TOPICS_WIDTH = 0.4, TOPICS_RIDGE = 0.1;
    /** How much a label's cues that fell short of the rules' threshold add to its semantic score (chosen as above, of 0, 0.25, 0.5, 1). */
    static final double STACK = 0.25;
    /** No label is added below this score, whatever the training split says. */
    static final double MIN_THRESHOLD = 0.3;
    static final double MAX_THRESHOLD = 0.8;
    /**
     * Topics only: of the topics the signal would add to an item, those scoring more than this below
     * the best of them are dropped (a weak second or third addition beside a clear one is most often a
     * neighbouring topic: career beside workforce). Chosen by five-fold cross-validation on the training
     * split ({@code CrossValidateTopics}: -0.2 to -0.4 all gain, 0.3 chosen in every fold when the margin
     * itself is chosen inside the cross-validation). Topics' thresholds are then chosen jointly.
     */
    static final double TOPICS_MARGIN = 0.3;

    /** One labelled point: a training item or a label description. */
    record Example(String name, float[] vector, Set<String> labels, Set<String> ok) {}

    /** One label's score on an item and the nearest training point carrying it. */
    record Vote(double score, String nearest, double similarity) {}

    /** A solved facet: its points, their weights per label (points x labels) and the kernel width. */
    private record Model(List<Example> points, List<String> labels, double[][] alpha, double width) {
        double[] scores(double[] sims) {
            double[] out = new double[labels.size()];
            for (int i = 0; i < points.size(); i++) {
                double k = kernel(sims[i], width);
                for (int l = 0; l < out.length; l++) out[l] += alpha[i][l] * k;
            }
            return out;
        }
    }

    private final SentenceEmbedder embedder;
    private final Map<List<String>, Model> models; // facet -> model
    private final Map<String, Double> thresholds;

    SemanticSignal(SentenceEmbedder embedder, Map<List<String>, Model> models, Map<String, Double> thresholds) { // package-private: tests combine() without a model
        this.embedder = embedder;
        this.models = models;
        this.thresholds = thresholds;
    }

    /** Recent vectors by text: an updated posting or a re-read feed is tagged again with the same words. */
    private final Map<String, float[]> recent = java.util.Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > RECENT;
        }
    });
    static final int RECENT = 10_000;

    float[] embed(ScannedText text) {
        String t = SentenceEmbedder.text(text.title(), text.summary(), text.employer());
        float[] v = recent.get(t);
        if (v == null) {
            v = embedder.embed(t);
            recent.put(t, v);
        }
        return v;
    }

    Map<String, Double> thresholds() {
        return thresholds;
    }

    /** Scores of every label of one facet ({@link Taxonomy#SETTINGS} or {@link Taxonomy#TOPICS}). */
    Map<String, Vote> votes(float[] v, List<String> facet) {
        Model m = models.get(facet);
        double[] sims = new double[m.points().size()];
        for (int i = 0; i < sims.length; i++) sims[i] = SentenceEmbedder.cosine(v, m.points().get(i).vector());
        double[] scores = m.scores(sims);
        Map<String, Vote> out = new LinkedHashMap<>();
        for (int l = 0; l < facet.size(); l++) {
            String label = facet.get(l);
            int nearest = -1;
            for (int i = 0; i < sims.length; i++) {
                if (m.points().get(i).labels().contains(label) && (nearest < 0 || sims[i] > sims[nearest])) nearest = i;
            }
            out.put(label, new Vote(scores[l], nearest < 0 ? null : m.points().get(nearest).name(), nearest < 0 ? 0 : sims[nearest]));
        }
        return out;
    }

    /** Similarity of two points for the regression: near vectors count more, the more so the narrower the width. */
    static double kernel(double cosine, double width) {
        return Math.exp((cosine - 1) / width);
    }

    /**
     * The rules' result plus the labels the vote adds. {@code blocked}: labels the rules are
     * certain about (negated, yielded), never added here.
     */
    FacetScorer.Result combine(FacetScorer.Result rules, Map<String, Vote> votes, List<String> order, Set<String> blocked) {
        double margin = margin(order);
        double bestAddition = Double.NEGATIVE_INFINITY;
        for (String id : order) {
            Vote vote = votes.get(id);
            if (rules.tags().contains(id) || vote == null || blocked.contains(id)) continue;
            double score = vote.score() + STACK * rules.weak().getOrDefault(id, 0.0);
            if (score >= thresholds.getOrDefault(id, 1.1)) bestAddition = Math.max(bestAddition, score);
        }
        List<String> tags = new ArrayList<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        for (String id : order) {
            if (rules.tags().contains(id)) {
                tags.add(id);
                scores.put(id, rules.scores().get(id));
                evidence.put(id, rules.evidence().get(id));
                continue;
            }
            Vote vote = votes.get(id);
            if (vote == null || blocked.contains(id)) continue;
            double score = vote.score() + STACK * rules.weak().getOrDefault(id, 0.0);
            if (score < thresholds.getOrDefault(id, 1.1) || score < bestAddition - margin) continue;
            tags.add(id);
            scores.put(id, Math.round(score * 100) / 100.0);
            evidence.put(id, List.of(String.format(Locale.ROOT, "close to: %s (%.2f)", vote.nearest(), vote.similarity())));
        }
        return new FacetScorer.Result(List.copyOf(tags), scores, evidence, rules.overruled(), rules.weak());
    }

    private static int[] topK(double[] sims, int k) {
        int[] top = new int[k];
        boolean[] taken = new boolean[sims.length];
        for (int j = 0; j < k; j++) {
            int best = -1;
            for (int i = 0; i < sims.length; i++) if (!taken[i] && (best < 0 || sims[i] > sims[best])) best = i;
            taken[best] = true;
            top[j] = best;
        }
        return top;
    }

    // ---- building: embed the training split and descriptions, solve, choose thresholds on the training split

    /**
     * What the rules alone said of a training item: the tags, the labels they are certain about, and
     * whether the default {@code UNSURE} mode asks the signal about the item at all.
     */
    record RuleView(Set<String> settings, Set<String> topics, Set<String> blocked, boolean asked, Map<String, Double> weak) {}

    /** The training split embedded, with the rules' view of each item and the label descriptions. */
    record Prepared(List<LabeledItem> train, List<Example> items, List<RuleView> views, Map<String, List<Example>> descriptions) {
        List<Example> points(List<String> facet) {
            List<Example> points = new ArrayList<>(items);
            points.addAll(descriptions.get(facet == Taxonomy.SETTINGS ? "settings" : "topics"));
            return points;
        }
    }

    /** Cross-validated result for one facet: the threshold and out-of-fold F1 (rules plus signal) per label. */
    record Fit(double width, double ridge, Map<String, Double> thresholds, Map<String, Double> f1) {
        double macro() {
            return f1.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }
    }

    static Prepared prepare(SentenceEmbedder embedder, List<LabeledItem> train, Function<Item, RuleView> rules) {
        return prepare(embedder::embedKnown, train, rules);
    }

    /** As above with any embedding of a text (the research tools compare models through this). */
    static Prepared prepare(Function<String, float[]> embed, List<LabeledItem> train, Function<Item, RuleView> rules) {
        List<Example> items = new ArrayList<>(train.size());
        List<RuleView> views = new ArrayList<>(train.size());
        for (LabeledItem li : train) {
            Item it = li.item();
            ScannedText read = ScannedText.of(it);
            Set<String> labels = new HashSet<>(li.gold().settings());
            labels.addAll(li.gold().topics());
            Set<String> ok = new HashSet<>(li.gold().settingsOk());
            ok.addAll(li.gold().topicsOk());
            items.add(new Example("\"" + it.title() + "\"", embed.apply(SentenceEmbedder.text(read.title(), read.summary(), read.employer())), labels, ok));
            views.add(rules.apply(it));
        }
        return new Prepared(train, items, views, readDescriptions(embed));
    }

    /**
     * The signal for these training items: the shipped fit ({@link SemanticFit#RESOURCE}) when it was
     * computed from exactly these points, rule views and parameters, else fitted now.
     */
    static SemanticSignal build(SentenceEmbedder embedder, List<LabeledItem> train, Function<Item, RuleView> rules) {
        long start = System.nanoTime();
        Prepared prepared = prepare(embedder, train, rules);
        String fingerprint = SemanticFit.fingerprint(prepared, PARAMETERS);
        SemanticFit shipped = SemanticFit.readShipped();
        SemanticFit fit;
        String how;
        if (shipped != null && shipped.fingerprint().equals(fingerprint) && shipped.fits(prepared, Taxonomy.SETTINGS, Taxonomy.TOPICS)) {
            fit = shipped;
            how = "fit read from " + SemanticFit.RESOURCE;
        } else {
            fit = fit(prepared, fingerprint);
            how = "fitted at start: " + SemanticFit.RESOURCE + (shipped == null ? " is missing"
                    : " was computed from other training data; rerun WriteTrainingVectors");
        }
        Map<List<String>, Model> models = new HashMap<>();
        for (List<String> facet : List.of(Taxonomy.SETTINGS, Taxonomy.TOPICS)) {
            SemanticFit.Facet f = facet == Taxonomy.SETTINGS ? fit.settings() : fit.topics();
            models.put(facet, new Model(List.copyOf(prepared.points(facet)), facet, f.alpha(), f.width()));
        }
        log.info("semantic signal ready: {} training items, cross-validated macro-F1 with the rules: settings {}, topics {}; {} ({} ms)",
                prepared.items().size(), String.format(Locale.ROOT, "%.3f", fit.settings().crossValidatedF1()),
                String.format(Locale.ROOT, "%.3f", fit.topics().crossValidatedF1()), how, (System.nanoTime() - start) / 1_000_000);
        return new SemanticSignal(embedder, models, fit.thresholds());
    }

    /** The fixed parameters, as the fit's fingerprint records them. */
    static final String PARAMETERS = String.format(Locale.ROOT, "folds %d, settings %s/%s, topics %s/%s, stack %s, thresholds %s-%s, topics margin %s",
            FOLDS, SETTINGS_WIDTH, SETTINGS_RIDGE, TOPICS_WIDTH, TOPICS_RIDGE, STACK, MIN_THRESHOLD, MAX_THRESHOLD, TOPICS_MARGIN);

    /**
     * Fits both facets: a threshold per label by five-fold cross-validation on the training split (as
     * {@code UNSURE} runs), then the regression on every training point.
     */
    static SemanticFit fit(Prepared prepared, String fingerprint) {
        Map<String, Double> thresholds = new LinkedHashMap<>();
        SemanticFit.Facet[] facets = new SemanticFit.Facet[2];
        for (List<String> facet : List.of(Taxonomy.SETTINGS, Taxonomy.TOPICS)) {
            boolean setting = facet == Taxonomy.SETTINGS;
            List<Example> points = prepared.points(facet);
            double[][] cos = cosines(points);
            Fit cv = crossValidate(prepared, facet, cos, setting ? SETTINGS_WIDTH : TOPICS_WIDTH, setting ? SETTINGS_RIDGE : TOPICS_RIDGE, true);
            int[] all = new int[points.size()];
            for (int i = 0; i < all.length; i++) all[i] = i;
            facets[setting ? 0 : 1] = new SemanticFit.Facet(cv.width(), cv.ridge(), solve(points, all, cos, facet, cv.width(), cv.ridge()), cv.macro());
            thresholds.putAll(cv.thresholds());
        }
        return new SemanticFit(fingerprint, facets[0], facets[1], java.util.Collections.unmodifiableMap(thresholds));
    }

    /**
     * Five-fold cross-validation of one facet at one kernel width and ridge: every training item is
     * scored by a model that did not see it, and each label gets the threshold with the best F1 of
     * the rules plus the signal. {@code asIfUnsure}: the signal may add a label only to items the
     * default mode asks it about (as it runs); otherwise to every item (as {@code ALL} runs).
     */
    static Fit crossValidate(Prepared prepared, List<String> facet, double[][] cos, double width, double ridge, boolean asIfUnsure) {
        return crossValidate(prepared, facet, cos, width, ridge, asIfUnsure, STACK);
    }

    static Fit crossValidate(Prepared prepared, List<String> facet, double[][] cos, double width, double ridge, boolean asIfUnsure, double stack) {
        double[][] oof = outOfFold(prepared.points(facet), prepared.items().size(), cos, facet, width, ridge);
        return chooseWithMargin(facet, prepared.train(), oof, prepared.views(), asIfUnsure, stack, margin(facet), width, ridge);
    }

    /**
     * How far below the item's best addition another addition of this facet may score: {@link
     * #TOPICS_MARGIN} for topics; no limit for settings (the signal adds one only where the rules
     * found none). {@link #combine} and the threshold choice use the same rule.
     */
    static double margin(List<String> facet) {
        return facet == Taxonomy.TOPICS ? TOPICS_MARGIN : Double.POSITIVE_INFINITY;
    }

    static double[][] cosines(List<Example> points) {
        int n = points.size();
        double[][] cos = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) cos[i][j] = cos[j][i] = SentenceEmbedder.cosine(points.get(i).vector(), points.get(j).vector());
        }
        return cos;
    }

    /**
     * Each training item (the first {@code items} points) scored by a model solved without its fold
     * (fold = position modulo {@link #FOLDS}); the label descriptions are in every fold's model.
     */
    static double[][] outOfFold(List<Example> points, int items, double[][] cos, List<String> facet, double width, double ridge) {
        double[][] out = new double[items][];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) if (i >= items || i % FOLDS != fold) kept.add(i);
            int[] idx = kept.stream().mapToInt(Integer::intValue).toArray();
            double[][] alpha = solve(points, idx, cos, facet, width, ridge);
            for (int i = fold; i < items; i += FOLDS) {
                double[] s = new double[facet.size()];
                for (int j = 0; j < idx.length; j++) {
                    double k = kernel(cos[i][idx[j]], width);
                    for (int l = 0; l < s.length; l++) s[l] += alpha[j][l] * k;
                }
                out[i] = s;
            }
        }
        return out;
    }

    /** Kernel ridge regression on the points {@code idx}, all labels of a facet at once: (K + ridge I) alpha = Y, by Cholesky. */
    static double[][] solve(List<Example> points, int[] idx, double[][] cos, List<String> facet, double width, double ridge) {
        int n = idx.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) a[i][j] = a[j][i] = kernel(cos[idx[i]][idx[j]], width);
            a[i][i] += ridge;
        }
        double[][] y = new double[n][facet.size()];
        for (int i = 0; i < n; i++) {
            Example e = points.get(idx[i]);
            for (int l = 0; l < facet.size(); l++) {
                y[i][l] = e.labels().contains(facet.get(l)) ? 1.0 : e.ok().contains(facet.get(l)) ? 0.5 : 0.0;
            }
        }
        // Cholesky: a = L L^T, L kept in the lower triangle
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) d -= a[j][k] * a[j][k];
            a[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) s -= a[i][k] * a[j][k];
                a[i][j] = s / a[j][j];
            }
        }
        for (int l = 0; l < facet.size(); l++) {
            for (int i = 0; i < n; i++) { // forward: L z = y
                double s = y[i][l];
                for (int k = 0; k < i; k++) s -= a[i][k] * y[k][l];
                y[i][l] = s / a[i][i];
            }
            for (int i = n - 1; i >= 0; i--) { // backward: L^T alpha = z
                double s = y[i][l];
                for (int k = i + 1; k < n; k++) s -= a[k][i] * y[k][l];
                y[i][l] = s / a[i][i];
            }
        }
        return y;
    }

    /** {threshold, F1}: the threshold with the best training F1 of rules plus score for one label (ties: the higher). */
    static double[] choose(String label, int l, List<LabeledItem> train, double[][] scores, List<RuleView> views, boolean setting,
                                   boolean asIfUnsure, double stack) {
        double bestT = MAX_THRESHOLD, bestF1 = -1;
        for (int step = (int) Math.round(MAX_THRESHOLD * 100); step >= MIN_THRESHOLD * 100 - 1e-9; step -= 5) {
            double t = step / 100.0;
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < train.size(); i++) {
                LabeledItem.Gold g = train.get(i).gold();
                RuleView view = views.get(i);
                boolean byRules = (setting ? view.settings() : view.topics()).contains(label);
                boolean asked = view.asked() || !asIfUnsure;
                double score = scores[i][l] + stack * view.weak().getOrDefault(label, 0.0);
                boolean predicted = byRules || (asked && !view.blocked().contains(label) && score >= t);
                boolean gold = (setting ? g.settings() : g.topics()).contains(label);
                boolean ok = (setting ? g.settingsOk() : g.topicsOk()).contains(label);
                if (predicted && gold) tp++;
                else if (predicted && !ok) fp++;
                else if (!predicted && gold) fn++;
            }
            double f1 = Evaluation.f1(tp, fp, fn);
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                bestT = t;
            }
        }
        return new double[] {bestT, bestF1};
    }

    /**
     * Thresholds chosen jointly when an addition must also come within {@code margin} of the item's
     * best addition (so one label's threshold changes what the others add). Each label's threshold in
     * turn, with the others fixed, the one with the label's best F1 (ties: the higher), from every
     * threshold at {@link #MAX_THRESHOLD}, three passes. With no margin (settings) the labels do not
     * interact and this is {@link #choose} for each label.
     */
    static Fit chooseWithMargin(List<String> facet, List<LabeledItem> train, double[][] scores, List<RuleView> views, boolean asIfUnsure,
                                double stack, double margin, double width, double ridge) {
        int labels = facet.size();
        double[][] s = new double[train.size()][labels];
        for (int i = 0; i < s.length; i++) {
            for (int l = 0; l < labels; l++) s[i][l] = scores[i][l] + stack * views.get(i).weak().getOrDefault(facet.get(l), 0.0);
        }
        double[] t = new double[labels];
        java.util.Arrays.fill(t, MAX_THRESHOLD);
        for (int pass = 0; pass < 3; pass++) {
            for (int l = 0; l < labels; l++) {
                double bestT = MAX_THRESHOLD, bestF1 = -1;
                for (int step = (int) Math.round(MAX_THRESHOLD * 100); step >= MIN_THRESHOLD * 100 - 1e-9; step -= 5) {
                    t[l] = step / 100.0;
                    double f1 = marginF1(facet, train, s, views, asIfUnsure, margin, t)[l];
                    if (f1 > bestF1 + 1e-9) {
                        bestF1 = f1;
                        bestT = t[l];
                    }
                }
                t[l] = bestT;
            }
        }
        double[] f1 = marginF1(facet, train, s, views, asIfUnsure, margin, t);
        Map<String, Double> thresholds = new LinkedHashMap<>(), f1s = new LinkedHashMap<>();
        for (int l = 0; l < labels; l++) {
            thresholds.put(facet.get(l), t[l]);
            f1s.put(facet.get(l), f1[l]);
        }
        return new Fit(width, ridge, thresholds, f1s);
    }

    /** F1 per label of the rules plus the additions that reach their threshold and come within {@code margin} of the item's best addition. */
    private static double[] marginF1(List<String> facet, List<LabeledItem> train, double[][] s, List<RuleView> views, boolean asIfUnsure,
                                     double margin, double[] t) {
        boolean setting = facet == Taxonomy.SETTINGS;
        int labels = facet.size();
        int[] tp = new int[labels], fp = new int[labels], fn = new int[labels];
        boolean[] predicted = new boolean[labels];
        for (int i = 0; i < train.size(); i++) {
            RuleView view = views.get(i);
            boolean asked = view.asked() || !asIfUnsure;
            double best = Double.NEGATIVE_INFINITY;
            for (int l = 0; l < labels; l++) {
                String label = facet.get(l);
                predicted[l] = (setting ? view.settings() : view.topics()).contains(label);
                if (!predicted[l] && asked && !view.blocked().contains(label) && s[i][l] >= t[l]) best = Math.max(best, s[i][l]);
            }
            LabeledItem.Gold g = train.get(i).gold();
            for (int l = 0; l < labels; l++) {
                String label = facet.get(l);
                if (!predicted[l] && asked && !view.blocked().contains(label) && s[i][l] >= t[l] && s[i][l] >= best - margin) predicted[l] = true;
                boolean gold = (setting ? g.settings() : g.topics()).contains(label);
                boolean ok = (setting ? g.settingsOk() : g.topicsOk()).contains(label);
                if (predicted[l] && gold) tp[l]++;
                else if (predicted[l] && !ok) fp[l]++;
                else if (!predicted[l] && gold) fn[l]++;
            }
        }
        double[] f1 = new double[labels];
        for (int l = 0; l < labels; l++) f1[l] = Evaluation.f1(tp[l], fp[l], fn[l]);
        return f1;
    }

    private static Map<String, List<Example>> readDescriptions(Function<String, float[]> embed) {
        Map<String, List<Example>> out = new HashMap<>();
        descriptions().forEach((facet, labels) -> {
            List<Example> list = new ArrayList<>();
            labels.forEach((label, texts) -> {
                for (String text : texts) {
                    list.add(new Example("description of " + label + " \"" + text + "\"", embed.apply(text), Set.of(label), Set.of()));
                }
            });
            out.put(facet, List.copyOf(list));
        });
        return out;
    }

    /** facet ("settings", "topics") -> label -> descriptions, from {@link #LABELS}. */
    static Map<String, Map<String, List<String>>> descriptions() {
        JsonNode root;
        try (InputStream in = resource(LABELS)) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("label descriptions " + LABELS + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        for (String facet : List.of("settings", "topics")) {
            Map<String, List<String>> labels = new LinkedHashMap<>();
            root.path(facet).fields().forEachRemaining(e -> {
                List<String> texts = new ArrayList<>();
                for (JsonNode d : e.getValue()) texts.add(d.asText());
                labels.put(e.getKey(), texts);
            });
            out.put(facet, labels);
        }
        return out;
    }

    static List<LabeledItem> trainingItems() {
        try (InputStream in = resource(TRAIN)) {
            return LabeledItem.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), TRAIN);
        } catch (IOException e) {
            throw new UncheckedIOException("training items " + TRAIN + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SemanticSignal.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IllegalStateException(name + " is missing from the class path");
        return in;
    }
}
