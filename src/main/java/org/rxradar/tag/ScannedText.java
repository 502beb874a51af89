package org.rxradar.tag;

import org.rxradar.model.Item;

/**
 * The text of an item that the tagger reads: the start of each field, up to a cap. Scanning
 * costs time in proportion to the text, so without a cap one raw record with a 1 MB summary (a
 * feed that put a whole document in its description) held the tag stage for seconds to tens of
 * seconds; with it, tagging time is bounded whatever arrives. The caps are far above what a
 * fetcher publishes (a summary of 2,000 characters, a title of 500), so fetched items are read
 * whole; only text written to the raw topics some other way is cut.
 *
 * @param title    at most {@link #MAX_TITLE} characters of the title
 * @param summary  at most {@link #MAX_SUMMARY} characters of the summary
 * @param employer at most {@link #MAX_NAME} characters
 * @param location at most {@link #MAX_NAME} characters
 */
record ScannedText(String title, String summary, String employer, String location) {
    /** 16 K characters: eight times the summary a fetcher publishes. */
    static final int MAX_SUMMARY = 16 * 1024;
    static final int MAX_TITLE = 1_000;
    static final int MAX_NAME = 500;
    /** A cut moves back to a word boundary when one is this close, so no half word is read as a cue. */
    private static final int WORD_SLACK = 100;

    static ScannedText of(Item item) {
        return new ScannedText(head(item.title(), MAX_TITLE), head(item.summary(), MAX_SUMMARY), head(item.employer(), MAX_NAME),
                head(item.location(), MAX_NAME));
    }

    /** The first {@code max} characters of {@code text} (fewer, to end on a word or a whole character); null stays null. */
    static String head(String text, int max) {
        if (text == null || text.length() <= max) return text;
        int cut = max;
        for (int i = max; i > Math.max(0, max - WORD_SLACK); i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                cut = i;
                break;
            }
        }
        if (Character.isHighSurrogate(text.charAt(cut - 1))) cut--; // never half of a surrogate pair
        return text.substring(0, cut);
    }
}
