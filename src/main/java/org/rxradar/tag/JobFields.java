package org.rxradar.tag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rxradar.model.Taxonomy;

/**
 * Employment type and shifts from the cues of the rules: only what the text states, never a negated
 * cue ("no nights"), and the longest phrase where cues overlap, so "night differential" (IGNORE) is
 * pay, not a night shift, and "day/evening rotation" is a rotation.
 */
final class JobFields {
    private static final String IGNORE = "IGNORE";

    private JobFields() {}

    /** The employment type named in the title, else the first one named in the text; null when none. */
    static Hit employment(ItemScan scan) {
        Hit first = null;
        for (Hit h : scan.longestPositive(Cue.Kind.EMPLOYMENT)) {
            if (h.cue().target().equals(IGNORE)) continue;
            if (h.part() == TokenizedText.TITLE) return h;
            if (h.part() == TokenizedText.SUMMARY && first == null) first = h;
        }
        return first;
    }

    /** Every shift stated, in taxonomy order. */
    static List<String> shifts(ItemScan scan, List<String> evidence) {
        Set<String> found = new LinkedHashSet<>();
        for (Hit h : scan.longestPositive(Cue.Kind.SHIFT)) {
            if (h.cue().target().equals(IGNORE) || h.part() == TokenizedText.EMPLOYER) continue;
            found.add(h.cue().target());
            evidence.add(scan.span(h));
        }
        List<String> out = new ArrayList<>();
        for (String s : Taxonomy.SHIFTS) if (found.contains(s)) out.add(s);
        return out;
    }
}
