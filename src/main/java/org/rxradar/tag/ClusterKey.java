package org.rxradar.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;

/**
 * Near-duplicate key: the same employer, normalised title, city and pay give the same cluster id,
 * so the same job on two boards, or one requisition copied to many listings, is shown once.
 * Title normalisation drops requisition numbers, filler ("now hiring", "urgent"), the place and
 * spelling variants ("tech" / "technician", "Sr." / "senior").
 */
final class ClusterKey {
    private static final Set<String> FILLER = Set.of("the", "a", "an", "and", "of", "for", "at", "in", "now", "hiring", "urgent",
            "urgently", "immediate", "immediately", "opening", "openings", "job", "position", "new", "apply", "today", "req", "requisition", "id");
    private static final Set<String> LEGAL = Set.of("inc", "llc", "ltd", "corp", "corporation", "co", "company", "the", "lp", "plc", "pc");
    private static final Map<String, String> VARIANTS = Map.of("tech", "technician", "techs", "technicians", "sr", "senior",
            "jr", "junior", "rx", "pharmacy", "cert", "certified", "ft", "full", "pt", "part");

    private ClusterKey() {}

    static String of(String id, String employer, String title, Place place, Salary salary) {
        String emp = normalise(employer, LEGAL, null);
        String ttl = normalise(title, FILLER, place);
        if (emp.isEmpty() && ttl.isEmpty()) return "c-" + fnv64(id);
        String where = place == null ? "" : (place.city() == null ? "" : place.city().toLowerCase(Locale.ROOT)) + "|"
                + (place.state() == null ? "" : place.state()) + "|" + (place.remote() ? "remote" : "");
        String pay = salary == null ? "" : salary.min() + "-" + salary.max() + "/" + salary.unit();
        return "c-" + fnv64(emp + "\n" + ttl + "\n" + where + "\n" + pay);
    }

    /**
     * 64-bit FNV-1a of the key as 16 hex digits: stable across runs and versions, and cheap, which
     * matters at tens of thousands of items a second. Not a security hash; it need only spread keys.
     */
    static String fnv64(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return "0".repeat(16 - hex.length()) + hex;
    }

    private static String normalise(String s, Set<String> drop, Place place) {
        if (s == null) return "";
        Set<String> placeWords = new java.util.HashSet<>();
        if (place != null) {
            if (place.city() != null) placeWords.addAll(TokenizedText.words(place.city()));
            if (place.state() != null) placeWords.add(place.state().toLowerCase(Locale.ROOT));
        }
        List<String> out = new ArrayList<>();
        for (String w : TokenizedText.words(s)) {
            if (drop.contains(w) || placeWords.contains(w) || w.chars().anyMatch(Character::isDigit)) continue;
            out.add(VARIANTS.getOrDefault(w, w));
        }
        return String.join(" ", out);
    }
}
