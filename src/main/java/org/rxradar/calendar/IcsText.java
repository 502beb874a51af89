package org.rxradar.calendar;

import java.nio.charset.StandardCharsets;

/** The text rules of RFC 5545: TEXT escaping (3.3.11) and content lines folded at 75 octets, ended by CRLF (3.1). */
final class IcsText {
    static final int MAX_OCTETS = 75;

    private IcsText() {}

    /** A TEXT value: backslash, semicolon and comma escaped, line breaks as {@code \n}. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                    b.append("\\n");
                }
                default -> {
                    if (c < 0x20 && c != '\t') continue; // other controls are not allowed in TEXT
                    b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** Appends one content line, folded so that no line exceeds 75 octets, never inside a UTF-8 character. */
    static void line(StringBuilder out, String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + n > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1; // the leading space counts
            }
            out.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
