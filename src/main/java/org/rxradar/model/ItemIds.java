package org.rxradar.model;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Stable item ids: the SHA-256 (hex) of the canonical URL, or of {@code source + "\n" + guid} when
 * an item has no URL. Canonical means: scheme and host lower-cased, default port, fragment and
 * tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}…) removed.
 */
public final class ItemIds {
    private static final List<String> TRACKING_PREFIXES = List.of("utm_", "mc_");
    private static final List<String> TRACKING_NAMES = List.of("fbclid", "gclid", "msclkid", "yclid", "_hsenc", "_hsmi");

    private ItemIds() {}

    public static String forUrl(String url) {
        return sha256(canonicalUrl(url));
    }

    public static String forGuid(String source, String guid) {
        return sha256(source + "\n" + guid);
    }

    /** The URL in canonical form; text that is not a parseable absolute URL is returned trimmed. */
    public static String canonicalUrl(String url) {
        String trimmed = url.trim();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (Exception e) {
            return trimmed;
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null) return trimmed;
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? uri.getRawAuthority().toLowerCase(Locale.ROOT) : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder out = new StringBuilder(scheme).append("://").append(host);
        if (!defaultPort) out.append(':').append(port);
        out.append(path);
        String query = keptQuery(uri.getRawQuery());
        if (!query.isEmpty()) out.append('?').append(query);
        return out.toString();
    }

    private static String keptQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return "";
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (TRACKING_NAMES.contains(name) || TRACKING_PREFIXES.stream().anyMatch(name::startsWith)) continue;
            kept.add(pair);
        }
        return String.join("&", kept);
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
