package org.rxradar.tag;

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

    /** The arrays may be longer than {@code size}: only the first {@code size} entries are tokens. */
    private TokenizedText(String text, String[] tokens, int size, IntList start, IntList end, IntList part, IntList sentence,
                          IntList clause) {
        this.text = text;
        this.tokens = tokens;
        this.size = size;
        this.start = start.a;
        this.end = end.a;
        this.part = part.a;
        this.sentence = sentence.a;
        this.clause = clause.a;
    }

    /** Tokenises title, summary and employer (any may be null) as one text with part markers; every token kept. */
    static TokenizedText of(String title, String summary, String employer) {
        return of(title, summary, employer, null);
    }

    /**
     * As {@link #of(String, String, String)}, but a token the vocabulary does not know is kept as
     * null: it has its place, span, sentence and clause, yet matches nothing.
     */
    static TokenizedText of(String title, String summary, String employer, Vocabulary vocabulary) {
        String[] parts = {nz(title), nz(summary), nz(employer)};
        int length = parts[0].length() + parts[1].length() + parts[2].length() + 2;
        StringBuilder all = new StringBuilder(length);
        Builder b = new Builder(length / 5 + 16);
        b.vocabulary = vocabulary;
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
        Builder b = new Builder(8);
        b.scan(phrase, 0, 0);
        return java.util.Arrays.asList(b.tokens).subList(0, b.size);
    }

    String span(int fromToken, int toTokenExclusive) {
        return text.substring(start[fromToken], end[toTokenExclusive - 1]);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static final class Builder {
        String[] tokens;
        int size;
        final IntList start, end, part, sentence, clause;
        int sentenceId, clauseId;
        char[] word = new char[32];
        int wordLength;
        Vocabulary vocabulary;

        Builder(int capacity) {
            tokens = new String[capacity];
            start = new IntList(capacity);
            end = new IntList(capacity);
            part = new IntList(capacity);
            sentence = new IntList(capacity);
            clause = new IntList(capacity);
        }

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
            int length = wordLength;
            wordLength = 0;
            if (length == 3 && word[0] == 'b' && word[1] == 'u' && word[2] == 't') {
                clauseId++;
                return;
            }
            String w = vocabulary == null ? new String(word, 0, length) : vocabulary.lookup(word, length);
            if (size == tokens.length) tokens = java.util.Arrays.copyOf(tokens, size * 2);
            tokens[size++] = w;
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
            return new TokenizedText(text, tokens, size, start, end, part, sentence, clause);
        }
    }

    /** A growable int array: token arrays are built for every item, so no boxing. */
    private static final class IntList {
        int[] a;
        int n;

        IntList(int capacity) {
            a = new int[capacity];
        }

        void add(int v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }
    }
}
