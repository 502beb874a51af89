package org.rxradar.tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rxradar.model.Certification;

/**
 * Credentials asked for, each required or preferred. A mention is decided by the nearest
 * requirement or preference word after it in the same sentence (else the nearest before it):
 * "PTCB preferred" is preferred, "CPhT required" and "within 12 months of hire" are required. In a
 * job lead a mention without such a word is required unless the sentence is about training for it
 * ("we cover the cost of a PTCB exam prep course"). In news a bare board name is not a credential
 * and an unqualified mention is not required. "National certification" stands for PTCB and NHA
 * unless the sentence names one of them.
 */
final class CertificationExtractor {
    static final String NATIONAL = "NATIONAL";
    private final TaggingRules rules;

    CertificationExtractor(TaggingRules rules) {
        this.rules = rules;
    }

    List<Certification> extract(ItemScan scan, boolean job, List<String> evidence) {
        TokenizedText text = scan.text;
        List<Hit> markers = new ArrayList<>();
        for (Cue.Kind k : List.of(Cue.Kind.CERT_REQUIRED, Cue.Kind.CERT_PREFERRED, Cue.Kind.CERT_TRAINING)) {
            for (Hit h : scan.hits(k)) if (!h.negated()) markers.add(h);
        }
        List<Hit> mentions = scan.longestPositive(Cue.Kind.CERT);
        Map<String, Boolean> found = new LinkedHashMap<>();
        java.util.Set<String> inText = new java.util.HashSet<>();
        for (Hit m : mentions) if (m.part() == TokenizedText.SUMMARY) inText.add(m.cue().target());
        for (Hit m : mentions) {
            if (m.part() == TokenizedText.EMPLOYER) continue;
            // "(CPhT)" in a title says nothing about required or preferred when the text decides it
            if (m.part() == TokenizedText.TITLE && inText.contains(m.cue().target())) continue;
            if (!job && isBareOrganisation(text, m, mentions)) continue;
            int sentence = text.sentence[m.start()];
            Cue.Kind decided = decidingMarker(text, markers, m, sentence);
            boolean training = hasMarker(text, markers, sentence, Cue.Kind.CERT_TRAINING);
            Boolean required;
            if (decided == Cue.Kind.CERT_PREFERRED) required = false;
            else if (decided == Cue.Kind.CERT_REQUIRED) required = true;
            else if (!job) required = false;
            else required = training ? null : true;
            if (required == null) continue;
            List<String> ids = m.cue().target().equals(NATIONAL) ? nationalIds(text, mentions, sentence) : List.of(m.cue().target());
            for (String id : ids) found.merge(id, required, Boolean::logicalOr);
            if (!ids.isEmpty()) evidence.add(scan.span(m));
        }
        List<Certification> out = new ArrayList<>();
        found.forEach((id, req) -> out.add(new Certification(id, req)));
        return out;
    }

    /** In news "PTCB said" names the board; "PTCB or NHA certification" still names a credential. */
    private boolean isBareOrganisation(TokenizedText text, Hit m, List<Hit> mentions) {
        String phrase = String.join(" ", java.util.Arrays.asList(text.tokens).subList(m.start(), m.end()));
        if (!rules.certOrganisations.contains(phrase)) return false;
        int next = m.end();
        if (next < text.size && ("or".equals(text.tokens[next]) || "and".equals(text.tokens[next]))) {
            for (Hit other : mentions) if (other.start() == next + 1) return false;
        }
        return true;
    }

    private static Cue.Kind decidingMarker(TokenizedText text, List<Hit> markers, Hit mention, int sentence) {
        Hit after = null, before = null;
        for (Hit h : markers) {
            if (h.cue().kind() == Cue.Kind.CERT_TRAINING || text.sentence[h.start()] != sentence) continue;
            if (h.start() >= mention.end()) {
                if (after == null || h.start() < after.start()) after = h;
            } else if (h.end() <= mention.start()) {
                if (before == null || h.start() > before.start()) before = h;
            }
        }
        Hit chosen = after != null ? after : before;
        return chosen == null ? null : chosen.cue().kind();
    }

    private static boolean hasMarker(TokenizedText text, List<Hit> markers, int sentence, Cue.Kind kind) {
        for (Hit h : markers) if (h.cue().kind() == kind && text.sentence[h.start()] == sentence) return true;
        return false;
    }

    private static List<String> nationalIds(TokenizedText text, List<Hit> mentions, int sentence) {
        for (Hit h : mentions) {
            String t = h.cue().target();
            if (text.sentence[h.start()] == sentence && (t.equals("PTCB-CPhT") || t.equals("NHA-ExCPT"))) return List.of();
        }
        return List.of("PTCB-CPhT", "NHA-ExCPT");
    }
}
