package org.rxradar.fetch;

import java.net.URI;
import java.util.Locale;

/** Resolves the links feeds and pages carry, which are often relative or slightly malformed. */
public final class Links {
    private Links() {}

    /** The absolute http(s) form of {@code link} against {@code base}, or null when it cannot be one. */
    public static String resolve(URI base, String link) {
        if (link == null) return null;
        String l = link.trim().replace(" ", "%20");
        if (l.isEmpty()) return null;
        try {
            URI resolved = base == null ? new URI(l) : base.resolve(new URI(l));
            String scheme = resolved.getScheme();
            if (scheme == null) return null;
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return null;
            return resolved.toString();
        } catch (Exception e) {
            return null;
        }
    }
}
