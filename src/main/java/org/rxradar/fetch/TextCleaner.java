package org.rxradar.fetch;

import org.jsoup.Jsoup;

/** Turns the HTML that feeds put in titles and descriptions into clean, bounded plain text. */
public final class TextCleaner {
    public static final int MAX_SUMMARY = 2000;
    public static final int MAX_TITLE = 500;

    private TextCleaner() {}

    /** Plain text of an HTML fragment (tags dropped, entities decoded, whitespace collapsed); null stays null. */
    public static String plain(String html) {
        if (html == null) return null;
        String text = html.indexOf('<') >= 0 || html.indexOf('&') >= 0 ? Jsoup.parseBodyFragment(html).text() : html;
        text = text.replace('\u00a0', ' ').replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? null : text;
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
