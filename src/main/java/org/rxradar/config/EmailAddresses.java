package org.rxradar.config;

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
        if (email.chars().anyMatch(ch -> ch == '\r' || ch == '\n' || ch < 0x20)) return "contains control characters";
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
}
