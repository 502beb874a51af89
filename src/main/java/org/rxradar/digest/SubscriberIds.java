package org.rxradar.digest;

import java.util.Locale;
import org.rxradar.model.Subscriber;
import org.rxradar.model.ItemIds;

/** The id a subscriber is known by in tokens, file names and Message-IDs. */
public final class SubscriberIds {
    private SubscriberIds() {}

    /** The configured id; for a subscriber without one, a stable id derived from the address. */
    public static String of(Subscriber s) {
        if (s.id() != null && !s.id().isBlank()) return s.id().trim();
        if (s.email() == null) throw new IllegalArgumentException("subscriber has neither an id nor an email");
        return "s-" + ItemIds.sha256(s.email().trim().toLowerCase(Locale.ROOT)).substring(0, 16);
    }

    /** The id reduced to characters safe in a file name or a Message-ID. */
    public static String safe(String id) {
        String s = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.length() > 80 ? s.substring(0, 80) : s;
    }
}
