package org.rxradar.digest;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** Item text from the internet made fit for one line of a digest: no markup, no control characters, bounded. */
final class ItemText {
    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/!?]|&[#a-zA-Z0-9]+;");
    private static final Pattern SPACE = Pattern.compile("[\\s\\p{Cc}\\p{Cf}]+");

    private ItemText() {}

    /** One line, whitespace collapsed, at most {@code max} characters (cut at a word, with an ellipsis). */
    static String line(String text, int max) {
        if (text == null) return null;
        String t = SPACE.matcher(text).replaceAll(" ").trim();
        if (t.isEmpty()) return null;
        if (t.length() <= max) return t;
        int cut = t.lastIndexOf(' ', max - 1);
        if (cut < max / 2) cut = max - 1;
        return t.substring(0, cut).trim() + "\u2026";
    }

    /** Like {@link #line}, after dropping any HTML markup (feed summaries are often HTML). */
    static String plain(String text, int max) {
        if (text == null) return null;
        String t = MARKUP.matcher(text).find() ? Jsoup.parse(text).text() : text;
        return line(t, max);
    }

    /** The URL when it is an absolute http(s) URL without spaces; null otherwise (no javascript:, data:…). */
    static String safeUrl(String url) {
        if (url == null) return null;
        String u = url.trim();
        if (u.isEmpty() || u.length() > 2000 || SPACE.matcher(u).find()) return null;
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) return null;
            return uri.toASCIIString();
        } catch (Exception e) {
            return null;
        }
    }
}
