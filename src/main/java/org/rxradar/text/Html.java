package org.rxradar.text;

/**
 * Escaping for text placed in HTML, SVG or XML, shared by every page, feed and chart: item text
 * comes from the outside world.
 */
public final class Html {
    private Html() {}

    /** Drops characters XML 1.0 cannot carry (control characters, lone surrogates), which would break a feed. */
    public static String xmlSafe(String text) {
        if (text == null) return null;
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            if (!ok && out == null) out = new StringBuilder(text.length()).append(text, 0, i);
            if (out != null && ok) out.append(c);
        }
        return out == null ? text : out.toString();
    }

    public static String escape(String text) {
        if (text == null) return "";
        text = xmlSafe(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
