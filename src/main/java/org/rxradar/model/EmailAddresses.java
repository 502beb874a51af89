package org.rxradar.model;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Strict checks on a subscriber address: one address, no CR/LF, a sane length. */
public final class EmailAddresses {
    private static final int MAX_LENGTH = 254;

    private EmailAddresses() {}

    /** What is wrong with the address, or null when it is fine. */
    public static String problem(String email) {
        if (email == null || email.isBlank()) return "missing";
        if (email.length() > MAX_LENGTH) return "longer than " + MAX_LENGTH + " characters";
        if (email.chars().anyMatch(ch -> ch == '\r' || ch == '\n' || ch < 0x20 || ch == 0x7f)) return "contains control characters";
        // U+FFFD is what a decoder leaves of bytes that were not UTF-8: the address as typed is lost
        if (email.indexOf('\uFFFD') >= 0) return "'" + email + "' is not valid UTF-8 (the address holds bytes in another encoding)";
        if (!validCodePoints(email)) return "holds characters that are not valid Unicode";
        if (email.contains(",") || email.contains(";")) return "'" + email + "' holds more than one address";
        try {
            InternetAddress address = new InternetAddress(email.trim(), true);
            address.validate();
            if (address.getPersonal() != null || !address.getAddress().equals(email.trim()))
                return "'" + email + "' must be a bare address (name@example.org)";
            if (!address.getAddress().contains("@") || address.getAddress().endsWith("@")) return "'" + email + "' has no domain";
        } catch (AddressException e) {
            return "'" + email + "' is not an email address: " + e.getMessage();
        }
        return null;
    }

    // lone surrogates and noncharacters come from broken encodings, never from a person's address
    private static boolean validCodePoints(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.getType(cp) == Character.SURROGATE || (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF)) return false;
            i += Character.charCount(cp);
        }
        return true;
    }
}
