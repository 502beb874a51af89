package org.rxradar.tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A word trie: finds every phrase of the index that occurs in a {@link TokenizedText}, starting at
 * any token, in one pass over the tokens. Immutable after building; safe to share between threads.
 */
final class PhraseIndex<T> {
    private final Node<T> root = new Node<>();

    private static final class Node<T> {
        final Map<String, Node<T>> next = new HashMap<>(4);
        final List<T> values = new ArrayList<>(1);
    }

    void add(List<String> words, T value) {
        if (words.isEmpty()) throw new IllegalArgumentException("empty phrase");
        Node<T> node = root;
        for (String w : words) node = node.next.computeIfAbsent(w, k -> new Node<>());
        node.values.add(value);
    }

    /** Calls {@code found.accept(value, start, endExclusive)} for every occurrence, in token order. */
    void scan(TokenizedText text, MatchSink<T> found) {
        String[] tokens = text.tokens;
        for (int i = 0; i < text.size; i++) {
            Node<T> node = root.next.get(tokens[i]);
            int j = i;
            while (node != null) {
                j++;
                for (T v : node.values) found.accept(v, i, j);
                // a phrase never spans a sentence break, nor the break between title and text
                if (j >= text.size || text.sentence[j] != text.sentence[i]) break;
                node = node.next.get(tokens[j]);
            }
        }
    }

    interface MatchSink<T> {
        void accept(T value, int start, int endExclusive);
    }
}
