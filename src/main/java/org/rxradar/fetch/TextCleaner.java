package org.rxradar.fetch;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;

/** Turns the HTML that feeds put in titles and descriptions into clean, bounded plain text. */
public final class TextCleaner {
    public static final int MAX_SUMMARY = 2000;
    public static final int MAX_TITLE = 500;

    // Tags whose text jsoup joins with a space (blocks, br) or without (inline), for the shortcut below.
    private static final Set<String> BLOCK = Set.of("p", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "hr", "dl", "dt", "dd", "section", "article", "header", "footer", "figure", "figcaption", "address");
    private static final Set<String> INLINE = Set.of("a", "b", "i", "em", "strong", "span", "u", "small", "sub", "sup",
            "code", "abbr", "cite", "q", "s", "strike", "mark", "font", "img", "tt", "big", "time");

    private TextCleaner() {}

    /** Plain text of an HTML fragment (tags dropped, entities decoded, whitespace collapsed); null stays null. */
    public static String plain(String html) {
        if (html == null) return null;
        String text;
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            text = html;
        } else {
            text = withoutSimpleTags(html);
            if (text == null) text = Jsoup.parseBodyFragment(html).text();
        }
        text = normalise(text);
        return text.isEmpty() ? null : text;
    }

    /**
     * The text of a fragment made only of plain text and common block and inline tags, without
     * building a DOM: tags become a space (block, br) or nothing (inline), which after
     * {@link #normalise} is exactly jsoup's {@code text()}. Null when the fragment holds anything
     * else (entities, comments, tables, a block inside an inline element…), for jsoup to handle.
     */
    static String withoutSimpleTags(String html) {
        StringBuilder out = new StringBuilder(html.length());
        java.util.ArrayDeque<String> openInline = new java.util.ArrayDeque<>();
        int n = html.length();
        for (int i = 0; i < n; i++) {
            char c = html.charAt(i);
            if (c == '&' || c == '\u200b' || c == '\u00ad' || c == 0) return null; // entities, characters jsoup drops or replaces
            if (c != '<') {
                out.append(c == '\r' || c == '\f' ? ' ' : c); // whitespace to jsoup, a dropped control character to normalise
                continue;
            }
            int end = tagEnd(html, i);
            if (end < 0) return null;
            boolean closing = html.charAt(i + 1) == '/';
            int nameStart = closing ? i + 2 : i + 1;
            int nameEnd = nameStart;
            while (nameEnd < end && Character.isLetterOrDigit(html.charAt(nameEnd))) nameEnd++;
            if (nameEnd == nameStart || !Character.isLetter(html.charAt(nameStart))) return null;
            char after = html.charAt(nameEnd);
            if (after != '>' && after != '/' && !Character.isWhitespace(after)) return null; // <a:b>, <p-x>…
            String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            if (name.equals("br")) {
                out.append(' ');
            } else if (BLOCK.contains(name)) {
                if (!openInline.isEmpty()) return null; // jsoup's spacing differs when a block sits inside an inline element
                out.append(' ');
            } else if (INLINE.contains(name)) {
                if (!name.equals("img")) {
                    if (html.charAt(end - 1) == '/') return null; // <b/> opens an element in HTML: leave it to jsoup
                    if (!closing) openInline.push(name);
                    else if (!name.equals(openInline.poll())) return null; // misnested or stray: leave the tree repair to jsoup
                }
            } else {
                return null;
            }
            i = end;
        }
        return out.toString();
    }

    // The index of the '>' closing the tag that opens at 'start', skipping quoted attribute values; -1 if none.
    private static int tagEnd(String html, int start) {
        char quote = 0;
        for (int i = start + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            } else if (c == '<') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Non-breaking spaces become spaces, control characters other than tab and newline are
     * dropped, runs of whitespace become one space, and the ends are trimmed; one pass, no regex.
     */
    static String normalise(String text) {
        StringBuilder out = null;
        boolean pendingSpace = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u00a0') {
                pendingSpace = true;
                if (out == null) out = new StringBuilder(n).append(text, 0, i);
                continue;
            }
            if (c < 0x20 || c == 0x7f) { // \p{Cntrl}
                if (out == null) out = new StringBuilder(n).append(text, 0, i);
                continue;
            }
            if (out != null) {
                if (pendingSpace && out.length() > 0) out.append(' ');
                out.append(c);
            }
            pendingSpace = false;
        }
        if (out == null) return text; // nothing to change, not even a space at the end
        return out.toString();
    }

    public static String title(String html) {
        return truncate(plain(html), MAX_TITLE);
    }

    public static String summary(String html) {
        return truncate(plain(html), MAX_SUMMARY);
    }

    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) return text;
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
