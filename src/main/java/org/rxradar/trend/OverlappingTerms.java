package org.rxradar.trend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts a list of rising phrases down to one per story. One sentence repeated in many items makes
 * every 1–3-word window of it rise with the same counts ("follow usp 800", "usp 800 rules",
 * "rules for hazardous", ...). Phrases that share a word and have nearly the same counts are taken
 * to come from the same text; of each such group one phrase is kept (the longest), and a group
 * is dropped when one of its phrases is only a context of a much more frequent rising phrase
 * ("follow usp 800" beside "usp 800"). Finally a phrase is dropped when a longer kept phrase
 * accounts for most of its uses ("usp" beside "usp 800").
 */
final class OverlappingTerms {
    /** Bound on the quadratic grouping; the best-scoring phrases are the ones that matter. */
    static final int MAX_CONSIDERED = 600;
    private static final double SAME_COUNT = 0.10;
    private static final double CONTEXT_OF = 1.5;
    private static final double SUBSUMED_SHARE = 0.8;

    private OverlappingTerms() {}

    /** The input (best first) with overlapping phrases removed, still best first. */
    static List<RisingTerm> prune(List<RisingTerm> rising) {
        List<RisingTerm> terms = rising.subList(0, Math.min(rising.size(), MAX_CONSIDERED));
        int n = terms.size();
        List<Set<String>> words = new ArrayList<>();
        for (RisingTerm t : terms) words.add(new HashSet<>(Arrays.asList(t.term().split(" "))));
        int[] group = new int[n];
        for (int i = 0; i < n; i++) group[i] = i;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (sameSource(terms.get(i), terms.get(j)) && !disjoint(words.get(i), words.get(j))) union(group, i, j);
            }
        }
        List<RisingTerm> representatives = new ArrayList<>();
        for (int root = 0; root < n; root++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < n; i++) if (find(group, i) == root) members.add(i);
            if (members.isEmpty() || members.stream().anyMatch(m -> isContextOfStronger(m, terms, group))) continue;
            representatives.add(members.stream().map(terms::get)
                    .max(Comparator.comparingInt((RisingTerm t) -> t.term().split(" ").length)
                            .thenComparingDouble(RisingTerm::score).thenComparing(RisingTerm::term, Comparator.reverseOrder()))
                    .orElseThrow());
        }
        List<RisingTerm> kept = new ArrayList<>();
        for (RisingTerm t : representatives) if (!subsumed(t, representatives)) kept.add(t);
        kept.sort(Comparator.comparingDouble(RisingTerm::score).reversed().thenComparing(RisingTerm::term));
        return kept;
    }

    private static boolean sameSource(RisingTerm a, RisingTerm b) {
        return close(a.recentCount(), b.recentCount()) && (close(a.baselineCount(), b.baselineCount())
                || Math.abs(a.baselineCount() - b.baselineCount()) <= 2);
    }

    private static boolean close(int a, int b) {
        return Math.abs(a - b) <= SAME_COUNT * Math.max(a, b);
    }

    /** True when the phrase contains a rising phrase of another group that is used far more often. */
    private static boolean isContextOfStronger(int m, List<RisingTerm> terms, int[] group) {
        RisingTerm term = terms.get(m);
        String padded = " " + term.term() + " ";
        for (int i = 0; i < terms.size(); i++) {
            RisingTerm other = terms.get(i);
            if (find(group, i) != find(group, m) && other.term().length() < term.term().length()
                    && padded.contains(" " + other.term() + " ") && other.recentCount() >= CONTEXT_OF * term.recentCount()) return true;
        }
        return false;
    }

    private static boolean subsumed(RisingTerm term, List<RisingTerm> all) {
        String padded = " " + term.term() + " ";
        for (RisingTerm other : all) {
            if (other.term().length() > term.term().length() && (" " + other.term() + " ").contains(padded)
                    && other.recentCount() >= SUBSUMED_SHARE * term.recentCount()) return true;
        }
        return false;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        for (String w : a) if (b.contains(w)) return false;
        return true;
    }

    private static int find(int[] group, int i) {
        while (group[i] != i) i = group[i] = group[group[i]];
        return i;
    }

    private static void union(int[] group, int a, int b) {
        int ra = find(group, a), rb = find(group, b);
        if (ra != rb) group[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}
