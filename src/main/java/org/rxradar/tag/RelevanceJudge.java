package org.rxradar.tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Is an item for pharmacy technicians? A job lead is when its relevance cues (title counted
 * heavier, since the title names the role) reach the threshold: technician titles and credentials
 * count for, pharmacist-only roles, cashiers, aides and lab roles against. A news item is relevant
 * when it has a topic or speaks of technicians or pharmacies, unless off-field cues (an executive appointment,
 * pharmacist schooling) outweigh that. A job lead that names no pharmacy work at all (a sterile
 * processing technician, a lab technician) is not relevant, whatever its title says.
 */
final class RelevanceJudge {
    private final TaggingRules rules;

    RelevanceJudge(TaggingRules rules) {
        this.rules = rules;
    }

    boolean relevant(ItemScan scan, boolean job, boolean hasTopics, List<String> evidence) {
        Cue.Kind kind = job ? Cue.Kind.RELEVANCE_JOB : Cue.Kind.RELEVANCE_NEWS;
        Map<String, Double> perCue = new LinkedHashMap<>();
        List<String> spans = new ArrayList<>();
        for (Hit h : ItemScan.longest(positive(scan.hits(kind)))) {
            if (h.part() == TokenizedText.EMPLOYER) continue;
            double w = h.cue().weight() * (h.part() == TokenizedText.TITLE ? rules.relevanceTitleWeight : 1.0);
            Double before = perCue.get(h.cue().phrase());
            if (before == null || Math.abs(w) > Math.abs(before)) perCue.put(h.cue().phrase(), w);
            spans.add((w >= 0 ? "+" : "-") + scan.span(h));
        }
        double score = 0;
        for (double w : perCue.values()) score += w;
        if (!job) score += rules.newsBase + (hasTopics ? 1.0 : 0.0);
        evidence.addAll(spans);
        if (job && rules.jobContextRequired && !mentionsPharmacyWork(scan)) {
            evidence.add("-no pharmacy work named");
            return false;
        }
        return job ? score >= rules.relevanceThreshold - 1e-9 : score > 0;
    }

    private static boolean mentionsPharmacyWork(ItemScan scan) {
        for (Hit h : scan.hits(Cue.Kind.RELEVANCE_CONTEXT)) if (h.part() != TokenizedText.EMPLOYER) return true;
        return false;
    }

    private static List<Hit> positive(List<Hit> hits) {
        List<Hit> out = new ArrayList<>(hits.size());
        for (Hit h : hits) if (!h.negated()) out.add(h);
        return out;
    }
}
