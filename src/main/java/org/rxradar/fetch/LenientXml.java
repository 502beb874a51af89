package org.rxradar.fetch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The second chance for malformed feeds: escapes stray ampersands, drops characters XML forbids,
 * and cuts anything before the first tag and after the root element's end tag.
 */
final class LenientXml {
    private static final Pattern STRAY_AMP = Pattern.compile("&(?!(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9._-]{0,31});)");
    private static final Pattern INVALID_CHARS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
    private static final Pattern ROOT = Pattern.compile("<(rss|feed|rdf:RDF|RDF)[\\s>]");

    private LenientXml() {}

    static String repair(String xml) {
        String s = xml.replace("\uFEFF", "");
        int start = s.indexOf('<');
        if (start > 0) s = s.substring(start);
        s = INVALID_CHARS.matcher(s).replaceAll("");
        s = STRAY_AMP.matcher(s).replaceAll("&amp;");
        return cutAfterRoot(s);
    }

    private static String cutAfterRoot(String s) {
        Matcher m = ROOT.matcher(s);
        if (!m.find()) return s;
        String end = "</" + m.group(1) + ">";
        int at = s.lastIndexOf(end);
        return at < 0 ? s : s.substring(0, at + end.length());
    }
}
