package org.rxradar.tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One pass of the rules over an item's text: the employer names found (longest first, each
 * consuming its words so that "Cleveland Clinic" is a hospital system rather than a clinic cue)
 * and every cue hit, grouped by kind, with negation resolved.
 */
final class ItemScan {
    /** A gazetteer name found in the text, with the weight its part gives it. */
    record EmployerHit(Employer employer, String span, double weight) {}

    final TokenizedText text;
    final List<EmployerHit> employers = new ArrayList<>(2);
    private final List<int[]> employerSpans = new ArrayList<>(); // every gazetteer name found, with
    private final List<Employer> employerNames = new ArrayList<>(); // its employer
    private final Map<Cue.Kind, List<Hit>> hits = new EnumMap<>(Cue.Kind.class);

    private ItemScan(TokenizedText text) {
        this.text = text;
    }

    static ItemScan of(TokenizedText text, TaggingRules rules) {
        ItemScan scan = new ItemScan(text);
        boolean[] consumed = scan.findEmployers(rules);
        rules.cues.scan(text, (cue, start, end) -> {
            boolean nameWord = cue.kind() == Cue.Kind.SETTING || cue.kind() == Cue.Kind.TOPIC;
            if (nameWord && anyConsumed(consumed, start, end) && !scan.sameSettingName(cue, start, end)) return;
            boolean negated = !cue.startsNegated() && negated(text, start, rules);
            scan.hits.computeIfAbsent(cue.kind(), k -> new ArrayList<>()).add(new Hit(cue, start, end, text.part[start], negated));
        });
        return scan;
    }

    /** A setting cue inside a gazetteer name of that same setting ("Indian Health Service" in a story): both count. */
    private boolean sameSettingName(Cue cue, int start, int end) {
        if (cue.kind() != Cue.Kind.SETTING) return false;
        for (int i = 0; i < employerSpans.size(); i++) {
            int[] s = employerSpans.get(i);
            if (s[0] <= start && end <= s[1] && employerNames.get(i).settings().contains(cue.target())) return true;
        }
        return false;
    }

    List<Hit> hits(Cue.Kind kind) {
        return hits.getOrDefault(kind, List.of());
    }

    /** Hits of one kind that are not negated, keeping only the longest where they overlap. */
    List<Hit> longestPositive(Cue.Kind kind) {
        List<Hit> all = new ArrayList<>();
        for (Hit h : hits(kind)) if (!h.negated()) all.add(h);
        return longest(all);
    }

    static List<Hit> longest(List<Hit> hits) {
        if (hits.size() < 2) return hits;
        List<Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingInt(Hit::length).reversed().thenComparingInt(Hit::start));
        List<Hit> kept = new ArrayList<>(sorted.size());
        outer:
        for (Hit h : sorted) {
            for (Hit k : kept) if (k.overlaps(h)) continue outer;
            kept.add(h);
        }
        kept.sort(Comparator.comparingInt(Hit::start));
        return kept;
    }

    String span(Hit h) {
        return text.span(h.start(), h.end());
    }

    private boolean[] findEmployers(TaggingRules rules) {
        boolean[] consumed = new boolean[text.size];
        List<int[]> spans = new ArrayList<>();
        List<Employer> found = new ArrayList<>();
        rules.employers.scan(text, (employer, start, end) -> {
            if (employer.fieldOnly() && text.part[start] != TokenizedText.EMPLOYER) return;
            spans.add(new int[] {start, end});
            found.add(employer);
        });
        Integer[] order = new Integer[spans.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> spans.get(i)[0] - spans.get(i)[1])
                .thenComparingInt(i -> spans.get(i)[0]));
        for (int i : order) {
            int[] s = spans.get(i);
            if (anyConsumed(consumed, s[0], s[1])) continue;
            for (int t = s[0]; t < s[1]; t++) consumed[t] = true;
            double weight = text.part[s[0]] == TokenizedText.EMPLOYER ? rules.employerWeight : rules.mentionWeight;
            employers.add(new EmployerHit(found.get(i), text.span(s[0], s[1]), weight));
            employerSpans.add(s);
            employerNames.add(found.get(i));
        }
        dropChainsWhoseDivisionIsNamed(rules);
        return consumed;
    }

    /** "Cardinal Health" in the employer field and "Cardinal Health Nuclear Pharmacy Services" in the text: the division decides. */
    private void dropChainsWhoseDivisionIsNamed(TaggingRules rules) {
        if (employers.size() < 2) return;
        java.util.Set<String> named = new java.util.HashSet<>();
        for (EmployerHit e : employers) named.add(String.join(" ", TokenizedText.words(e.employer().name())));
        employers.removeIf(e -> {
            java.util.Set<String> divisions = rules.divisionsOf.get(String.join(" ", TokenizedText.words(e.employer().name())));
            if (divisions == null) return false;
            for (String d : divisions) if (named.contains(d)) return true;
            return false;
        });
    }

    private static boolean anyConsumed(boolean[] consumed, int start, int end) {
        for (int t = start; t < end; t++) if (consumed[t]) return true;
        return false;
    }

    /** A negation word within the window before the cue, in the same clause. */
    private static boolean negated(TokenizedText text, int start, TaggingRules rules) {
        int clause = text.clause[start];
        for (int j = start - 1; j >= 0 && j >= start - rules.negationWindow; j--) {
            if (text.clause[j] != clause) return false;
            String token = text.tokens[j];
            if (token != null && rules.negationWords.contains(token)) return true;
        }
        return false;
    }
}
