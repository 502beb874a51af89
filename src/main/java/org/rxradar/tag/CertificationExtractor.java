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
 * unless the sentence names one of them, and is one either/or requirement like "PTCB or ExCPT":
 * credentials joined by "or" or "/" are one requirement any of whose alternatives satisfies it
 * ({@link Certification#anyOf}).
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
        List<Hit> mentions = new ArrayList<>(scan.longestPositive(Cue.Kind.CERT));
        mentions.sort(java.util.Comparator.comparingInt(Hit::start));
        java.util.Set<String> inText = new java.util.HashSet<>();
        for (Hit m : mentions) if (m.part() == TokenizedText.SUMMARY) inText.add(m.cue().target());
        List<Mention> decided = new ArrayList<>();
        for (Hit m : mentions) {
            if (m.part() == TokenizedText.EMPLOYER) continue;
            // "(CPhT)" in a title says nothing about required or preferred when the text decides it
            if (m.part() == TokenizedText.TITLE && inText.contains(m.cue().target())) continue;
            if (!job && isBareOrganisation(text, m, mentions)) continue;
            int sentence = text.sentence[m.start()];
            Cue.Kind marker = decidingMarker(text, markers, m, sentence);
            boolean training = hasMarker(text, markers, sentence, Cue.Kind.CERT_TRAINING);
            Boolean required;
            if (marker == Cue.Kind.CERT_PREFERRED) required = false;
            else if (marker == Cue.Kind.CERT_REQUIRED) required = true;
            else if (!job) required = false;
            else required = training ? null : true;
            if (required == null) continue;
            List<String> ids = m.cue().target().equals(NATIONAL) ? nationalIds(text, mentions, sentence) : List.of(m.cue().target());
            if (!ids.isEmpty()) decided.add(new Mention(m, ids, required));
        }
        // one requirement per "A or B" run; a credential asked alone keeps its own entry
        Map<List<String>, Boolean> found = new LinkedHashMap<>();
        for (List<Mention> run : eitherOrRuns(text, decided)) {
            java.util.Set<String> ids = new java.util.LinkedHashSet<>();
            boolean required = false;
            for (Mention m : run) {
                ids.addAll(m.ids());
                required |= m.required();
            }
            found.merge(inTaxonomyOrder(ids), required, Boolean::logicalOr);
            evidence.add(text.span(run.get(0).hit().start(), run.get(run.size() - 1).hit().end()));
        }
        List<Certification> out = new ArrayList<>();
        found.forEach((ids, req) -> {
            if (ids.size() > 1 && askedAlone(found, ids, req)) return;
            out.add(Certification.anyOf(ids, req));
        });
        return out;
    }

    /** A credential mention decided required or preferred, with the ids it stands for (two for "national certification"). */
    private record Mention(Hit hit, List<String> ids, boolean required) {}

    /**
     * The mentions cut into runs joined by "or" or "/" in one sentence ("PTCB CPhT or NHA ExCPT",
     * "CPhT/ExCPT", "PTCB, NHA or state registration"); a comma alone does not join ("CPhT, CSPT").
     */
    private static List<List<Mention>> eitherOrRuns(TokenizedText text, List<Mention> mentions) {
        List<List<Mention>> runs = new ArrayList<>();
        int i = 0;
        while (i < mentions.size()) {
            int j = i;
            boolean or = false;
            while (j + 1 < mentions.size()) {
                Join join = join(text, mentions.get(j).hit(), mentions.get(j + 1).hit());
                if (join == Join.NONE) break;
                or |= join == Join.OR;
                j++;
            }
            if (or) {
                runs.add(mentions.subList(i, j + 1));
            } else {
                for (int k = i; k <= j; k++) runs.add(List.of(mentions.get(k)));
            }
            i = j + 1;
        }
        return runs;
    }

    private enum Join { NONE, OR, COMMA }

    private static Join join(TokenizedText text, Hit a, Hit b) {
        if (text.sentence[a.start()] != text.sentence[b.start()] || b.start() < a.end()) return Join.NONE;
        int gap = b.start() - a.end();
        if (gap == 1 && "or".equals(text.tokens[a.end()])) return Join.OR;
        if (gap != 0) return Join.NONE;
        String between = text.text.substring(text.end[a.end() - 1], text.start[b.start()]).trim();
        if (between.equals("/")) return Join.OR;
        return between.equals(",") ? Join.COMMA : Join.NONE;
    }

    /** True when one of the alternatives is also asked alone, at least as strictly: the either/or adds nothing. */
    private static boolean askedAlone(Map<List<String>, Boolean> found, List<String> alternatives, boolean required) {
        for (String id : alternatives) {
            Boolean alone = found.get(List.of(id));
            if (alone != null && (alone || !required)) return true;
        }
        return false;
    }

    private static List<String> inTaxonomyOrder(java.util.Set<String> ids) {
        List<String> out = new ArrayList<>();
        for (String id : org.rxradar.model.Taxonomy.CERTIFICATIONS) if (ids.contains(id)) out.add(id);
        for (String id : ids) if (!out.contains(id)) out.add(id);
        return List.copyOf(out);
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
