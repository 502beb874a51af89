package org.rxradar.fetch;

/**
 * A title for a feed entry that has none (RSS 2.0 allows an item with only a description): its
 * first words, as feed readers show such posts. Short texts are used whole; longer ones are cut at
 * a word boundary and end with an ellipsis.
 */
final class Headline {
    static final int WHOLE_WORDS = 12;
    static final int CUT_WORDS = 10;
    static final int MAX_CHARS = 90;

    private Headline() {}

    /** The headline of {@code plain} (already plain text, whitespace collapsed); null for null or blank text. */
    static String of(String plain) {
        if (plain == null || plain.isBlank()) return null;
        String text = plain.strip();
        String[] words = text.split(" ");
        if (words.length <= WHOLE_WORDS && text.length() <= MAX_CHARS) return text;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(CUT_WORDS, words.length); i++) {
            if (out.length() > 0 && out.length() + 1 + words[i].length() > MAX_CHARS) break;
            if (out.length() > 0) out.append(' ');
            out.append(words[i]);
        }
        // one very long first word (a URL): cut it, there is no boundary to keep
        if (out.length() > MAX_CHARS) out.setLength(MAX_CHARS);
        int end = out.length();
        while (end > 1 && ",;:-–—(".indexOf(out.charAt(end - 1)) >= 0) end--;
        out.setLength(end);
        return out.append('…').toString();
    }
}
