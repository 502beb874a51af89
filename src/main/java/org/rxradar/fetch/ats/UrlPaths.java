package org.rxradar.fetch.ats;

import java.nio.charset.StandardCharsets;

/** URL paths taken from API answers, made safe to append to a URL: what a path may not hold is percent-encoded. */
final class UrlPaths {
    private static final String ALLOWED = "-._~!$&'()*+,;=:@/";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlPaths() {}

    /** {@code path} with spaces, non-ASCII characters, '?', '#' and the like percent-encoded; valid escapes kept. */
    static String encode(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean escape = b == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) && hex(bytes[i + 2]);
            if (b < 128 && (Character.isLetterOrDigit(b) || ALLOWED.indexOf(b) >= 0 || escape)) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    /** One path segment: as above, and '/' encoded too. */
    static String segment(String text) {
        return encode(text).replace("/", "%2F");
    }

    private static boolean hex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F') || (b >= 'a' && b <= 'f');
    }
}
