package org.rxradar.web.page;

/** An address shown on a page reached by a link: enough to recognise, not enough to harvest. */
public final class Masked {
    private Masked() {}

    /** {@code jane@example.org} becomes {@code j***@example.org}; text that is no address becomes {@code ***}. */
    public static String email(String email) {
        if (email == null) return "***";
        String e = email.strip();
        int at = e.lastIndexOf('@');
        if (at < 1 || at == e.length() - 1) return "***";
        return e.charAt(0) + "***" + e.substring(at);
    }
}
