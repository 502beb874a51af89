package org.rxradar.tag;

import java.util.ArrayList;
import java.util.List;

/**
 * Text cut into lower-case word tokens, each with its character span, the part it came from
 * (title, summary, employer), its sentence and its clause. Sentences end at . ; ! ? and between
 * parts; clauses also end at , : ( ) and at "but", so a negation never reaches past them.
 * A possessive "'s" is dropped ("children's" -> "children") and other apostrophes vanish inside
 * words ("don't" -> "dont"); every other non-alphanumeric character separates tokens.
 */
final class TokenizedText {
    static final int TITLE = 0, SUMMARY = 1, EMPLOYER = 2;

    /** For ASCII: the lower-case form of a letter or digit, 0 for anything else (the hot path of tokenising). */
    private static final char[] ASCII_WORD = new char[128];

    static {
        for (char c = '0'; c <= '9'; c++) ASCII_WORD[c] = c;
        for (char c = 'a'; c <= 'z'; c++) ASCII_WORD[c] = c;
        for (char c = 'A'; c <= 'Z'; c++) ASCII_WORD[c] = (char) (c + 32);
    }

    final String text;
    final String[] tokens;
    final int[] start, end, part, sentence, clause;
    final int size;

    private TokenizedText(String text, List<String> tokens, IntList start, IntList end, IntList part, IntList sentence,
                          IntList clause) {
        this.text = text;
        this.tokens = tokens.toArray(new String[0]);
        this.start = start.toArray();
        this.end = end.toArray();
        this.part = part.toArray();
        this.sentence = sentence.toArray();
        this.clause = clause.toArray();
        this.size = this.tokens.length;
    }

    /** Tokenises title, summary and employer (any may be null) as one text with part markers. */
    static TokenizedText of(String title, String summary, String employer) {
        String[] parts = {nz(title), nz(summary), nz(employer)};
        StringBuilder all = new StringBuilder(parts[0].length() + parts[1].length() + parts[2].length() + 2);
        Builder b = new Builder();
        for (int p = 0; p < parts.length; p++) {
            if (p > 0) all.append('\n');
            b.scan(parts[p], all.length(), p);
            all.append(parts[p]);
            b.breakSentence();
        }
        return b.build(all.toString());
    }

    /** Tokens of one phrase, as the rules file's phrases are normalised. */
    static List<String> words(String phrase) {
        Builder b = new Builder();
        b.scan(phrase, 0, 0);
        return b.tokens;
    }

    String span(int fromToken, int toTokenExclusive) {
        return text.substring(start[fromToken], end[toTokenExclusive - 1]);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static final class Builder {
        final List<String> tokens = new ArrayList<>();
        final IntList start = new IntList(), end = new IntList(), part = new IntList(), sentence = new IntList(), clause = new IntList();
        int sentenceId, clauseId;
        char[] word = new char[32];
        int wordLength;

        void scan(String s, int offset, int partId) {
            int n = s.length();
            int wordStart = -1;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                char lower = c < 128 ? ASCII_WORD[c] : (Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0);
                if (lower != 0) {
                    if (wordStart < 0) wordStart = i;
                    if (wordLength == word.length) word = java.util.Arrays.copyOf(word, wordLength * 2);
                    word[wordLength++] = lower;
                    continue;
                }
                boolean apostrophe = (c == '\'' || c == '\u2019') && wordStart >= 0 && i + 1 < n
                        && Character.isLetter(s.charAt(i + 1));
                if (apostrophe) {
                    // a possessive "'s" is dropped ("practice's" -> "practice"); "don't" -> "dont"
                    boolean possessive = (s.charAt(i + 1) == 's' || s.charAt(i + 1) == 'S')
                            && (i + 2 >= n || !Character.isLetterOrDigit(s.charAt(i + 2)));
                    if (possessive) i++;
                    continue;
                }
                // a dot between digits ("17.50") or inside an abbreviation does not end a sentence
                if (wordStart >= 0) emit(offset + wordStart, offset + i, partId);
                wordStart = -1;
                if (c == ';' || c == '!' || c == '?' || c == '\n' || (c == '.' && (i + 1 >= n || Character.isWhitespace(s.charAt(i + 1))))) {
                    breakSentence();
                } else if (c == ',' || c == ':' || c == '(' || c == ')') {
                    clauseId++;
                }
            }
            if (wordStart >= 0) emit(offset + wordStart, offset + n, partId);
        }

        void emit(int from, int to, int partId) {
            String w = new String(word, 0, wordLength);
            wordLength = 0;
            if (w.equals("but")) {
                clauseId++;
                return;
            }
            tokens.add(w);
            start.add(from);
            end.add(to);
            part.add(partId);
            sentence.add(sentenceId);
            clause.add(clauseId);
        }

        void breakSentence() {
            sentenceId++;
            clauseId++;
        }

        TokenizedText build(String text) {
            return new TokenizedText(text, tokens, start, end, part, sentence, clause);
        }
    }

    /** A growable int array: token arrays are built for every item, so no boxing. */
    private static final class IntList {
        int[] a = new int[256];
        int n;

        void add(int v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
