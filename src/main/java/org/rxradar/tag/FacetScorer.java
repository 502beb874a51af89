package org.rxradar.tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores one facet (settings or topics): each distinct cue counts once, at its weight times the
 * title weight when it is in the title; overlapping cues of one tag count as the longest only;
 * employer names add to settings. Tags reaching the threshold are assigned, except a tag that
 * yields to another assigned tag with a higher score (a chain's name loses to the text's setting).
 */
final class FacetScorer {
    /**
     * The tags assigned on one facet, in taxonomy order, with their scores and deciding phrases;
     * {@code overruled}: tags that reached the threshold but yielded to another (a chain's division).
     */
    record Result(List<String> tags, Map<String, Double> scores, Map<String, List<String>> evidence, Set<String> overruled,
                  Map<String, Double> weak) {
        /** {@code weak}: labels with cues that did not reach the threshold, and their scores (the semantic signal weighs them). */
        Result(List<String> tags, Map<String, Double> scores, Map<String, List<String>> evidence, Set<String> overruled) {
            this(tags, scores, evidence, overruled, Map.of());
        }
    }

    private final TaggingRules rules;

    FacetScorer(TaggingRules rules) {
        this.rules = rules;
    }

    Result settings(ItemScan scan, boolean job, List<String> order) {
        Map<String, Double> scores = new HashMap<>();
        Map<String, List<String>> evidence = new HashMap<>();
        score(scan, Cue.Kind.SETTING, rules.settings, job, scores, evidence);
        Map<String, Double> textScores = new HashMap<>(scores);
        for (ItemScan.EmployerHit e : scan.employers) {
            for (String s : e.employer().settings()) {
                scores.merge(s, e.weight(), Double::sum);
                evidence.computeIfAbsent(s, k -> new ArrayList<>()).add("employer: " + e.span());
            }
        }
        return decide(scores, textScores, evidence, rules.settings, order);
    }

    Result topics(ItemScan scan, boolean job, List<String> order) {
        Map<String, Double> scores = new HashMap<>();
        Map<String, List<String>> evidence = new HashMap<>();
        score(scan, Cue.Kind.TOPIC, rules.topics, job, scores, evidence);
        return decide(scores, scores, evidence, rules.topics, order);
    }

    private void score(ItemScan scan, Cue.Kind kind, Map<String, TaggingRules.TagRule> tagRules, boolean job,
                       Map<String, Double> scores, Map<String, List<String>> evidence) {
        Map<String, List<Hit>> byTag = new HashMap<>();
        for (Hit h : scan.hits(kind)) {
            // an employer's name ("Summit Family Medicine") says where, never what an item is about
            if (kind == Cue.Kind.TOPIC && h.part() == TokenizedText.EMPLOYER) continue;
            if (!h.negated()) byTag.computeIfAbsent(h.cue().target(), k -> new ArrayList<>()).add(h);
        }
        for (var e : byTag.entrySet()) {
            Map<String, Double> perCue = new LinkedHashMap<>();
            Map<String, String> spans = new LinkedHashMap<>();
            for (Hit h : ItemScan.longest(e.getValue())) {
                double w = h.cue().weight() * (h.part() == TokenizedText.TITLE ? rules.titleWeight : 1.0);
                Double before = perCue.get(h.cue().phrase());
                if (before == null || Math.abs(w) > Math.abs(before)) {
                    perCue.put(h.cue().phrase(), w);
                    spans.put(h.cue().phrase(), scan.span(h));
                }
            }
            TaggingRules.TagRule rule = tagRules.get(e.getKey());
            double factor = job && rule != null ? rule.jobFactor() : 1.0;
            double sum = 0;
            for (double w : perCue.values()) sum += w;
            scores.put(e.getKey(), sum * factor);
            List<String> phrases = new ArrayList<>();
            perCue.forEach((phrase, w) -> {
                if (w > 0) phrases.add(spans.get(phrase));
            });
            evidence.put(e.getKey(), phrases);
        }
    }

    /** {@code textScores} leave employer names out: a tag yields only to text that outscores it (context wins over names). */
    private Result decide(Map<String, Double> scores, Map<String, Double> textScores, Map<String, List<String>> evidence,
                          Map<String, TaggingRules.TagRule> tagRules, List<String> order) {
        List<String> assigned = new ArrayList<>();
        for (String id : order) {
            Double s = scores.get(id);
            if (s != null && s >= rules.threshold - 1e-9) assigned.add(id);
        }
        List<String> kept = new ArrayList<>(assigned.size());
        for (String id : assigned) {
            TaggingRules.TagRule rule = tagRules.get(id);
            boolean yields = false;
            if (rule != null) {
                for (String other : rule.yieldsTo()) {
                    if (assigned.contains(other) && textScores.getOrDefault(other, 0.0) > textScores.getOrDefault(id, 0.0)) yields = true;
                }
            }
            if (!yields) kept.add(id);
        }
        Set<String> overruled = new java.util.HashSet<>(assigned);
        kept.forEach(overruled::remove);
        Map<String, Double> keptScores = new LinkedHashMap<>();
        Map<String, List<String>> keptEvidence = new LinkedHashMap<>();
        for (String id : kept) {
            keptScores.put(id, Math.round(scores.get(id) * 100) / 100.0);
            keptEvidence.put(id, List.copyOf(evidence.getOrDefault(id, List.of())));
        }
        Map<String, Double> weak = new LinkedHashMap<>();
        for (String id : order) {
            Double s = scores.get(id);
            if (s != null && s > 0 && s < rules.threshold - 1e-9) weak.put(id, s);
        }
        return new Result(List.copyOf(kept), keptScores, keptEvidence, Set.copyOf(overruled), Map.copyOf(weak));
    }
}
