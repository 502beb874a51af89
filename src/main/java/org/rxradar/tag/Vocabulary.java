package org.rxradar.tag;

import java.util.Collection;

/**
 * The words the rules know. A token outside it can match no phrase, so the tokenizer looks words
 * up here straight from its character buffer and makes no String for the rest: most words of a
 * posting ("benefits", "team") are never allocated. Open addressing; immutable after building.
 */
final class Vocabulary {
    private final String[] table;
    private final int mask;

    Vocabulary(Collection<String> words) {
        int capacity = Integer.highestOneBit(Math.max(16, words.size() * 4) - 1) << 1;
        table = new String[capacity];
        mask = capacity - 1;
        for (String w : words) {
            char[] chars = w.toCharArray();
            int i = hash(chars, chars.length) & mask;
            while (table[i] != null && !table[i].equals(w)) i = (i + 1) & mask;
            table[i] = w;
        }
    }

    /** The known word spelled by {@code chars[0, length)}, or null when the rules do not use it. */
    String lookup(char[] chars, int length) {
        for (int i = hash(chars, length) & mask; table[i] != null; i = (i + 1) & mask) {
            String w = table[i];
            if (w.length() == length && same(w, chars, length)) return w;
        }
        return null;
    }

    private static boolean same(String w, char[] chars, int length) {
        for (int k = 0; k < length; k++) if (w.charAt(k) != chars[k]) return false;
        return true;
    }

    private static int hash(char[] chars, int length) {
        int h = 0;
        for (int k = 0; k < length; k++) h = 31 * h + chars[k];
        return h ^ (h >>> 16);
    }
}
