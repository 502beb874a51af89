package org.rxradar.fetch.ats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words a posting must contain to be published: any of a source's {@code search} phrases, as
 * whole words, in its title or its description, whatever the case and punctuation ("Pharmacy
 * Tech II", "pharmacy-technician", "C.Ph.T" does not match "CPhT" but "CPhT," does).
 */
public final class SearchPhrases {
    private final List<String> phrases;

    public SearchPhrases(List<String> phrases) {
        if (phrases == null || phrases.isEmpty()) throw new IllegalArgumentException("search: at least one phrase");
        List<String> out = new ArrayList<>();
        for (String p : phrases) {
            String n = normalise(p);
            if (!n.isBlank()) out.add(n);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("search: no phrase has a letter or digit");
        this.phrases = List.copyOf(out);
    }

    /** True when the title or the description (plain text or HTML) names a phrase. */
    public boolean matches(String title, String description) {
        return firstMatch(title, description) != null;
    }

    /** The phrase found (normalised), or null. */
    public String firstMatch(String title, String description) {
        String t = title == null ? "" : normalise(title);
        String d = description == null ? "" : normalise(description);
        for (String p : phrases) {
            if (t.contains(p) || d.contains(p)) return p.trim();
        }
        return null;
    }

    // lower case, every run of other characters than letters and digits one space, padded with spaces
    static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append(' ');
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        if (!space) out.append(' ');
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
