package org.rxradar.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One place besides email where a subscriber reads alerts. Written as a mapping with exactly one key,
 * as in the config file ({@code - ntfy: https://ntfy.sh/my-topic}), and stored the same way.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotifyTarget(String webhook, String ntfy, String slack, String discord) {

    /** The kinds of target, in the order the keys are listed. */
    public enum Kind { WEBHOOK, NTFY, SLACK, DISCORD;
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static NotifyTarget of(Kind kind, String url) {
        return switch (kind) {
            case WEBHOOK -> new NotifyTarget(url, null, null, null);
            case NTFY -> new NotifyTarget(null, url, null, null);
            case SLACK -> new NotifyTarget(null, null, url, null);
            case DISCORD -> new NotifyTarget(null, null, null, url);
        };
    }

    @JsonIgnore
    public Kind kind() {
        if (webhook != null) return Kind.WEBHOOK;
        if (ntfy != null) return Kind.NTFY;
        if (slack != null) return Kind.SLACK;
        return discord != null ? Kind.DISCORD : null;
    }

    @JsonIgnore
    public URI uri() {
        String url = webhook != null ? webhook : ntfy != null ? ntfy : slack != null ? slack : discord;
        return url == null ? null : URI.create(url.trim());
    }

    /**
     * True when the target's URL is the server's own origin ({@code baseUrl}: scheme, host and port;
     * a loopback name matches another loopback name): an alert posted there would loop back into RxRadar.
     */
    public boolean pointsAt(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank() || kind() == null) return false;
        try {
            URI own = new URI(baseUrl.trim());
            URI to = uri();
            if (own.getHost() == null || to.getHost() == null) return false;
            if (port(own) != port(to)) return false;
            String a = own.getHost().toLowerCase(Locale.ROOT), b = to.getHost().toLowerCase(Locale.ROOT);
            return a.equals(b) || (loopback(a) && loopback(b));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) return u.getPort();
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static boolean loopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    /** The field the URL sits in ({@code webhook}, {@code ntfy}…), for messages. */
    @JsonIgnore
    public String key() {
        return kind() == null ? "" : kind().key();
    }

    /** What is wrong with this target, field by field (keys relative to the target: {@code slack}). */
    public List<FieldProblem> problems() {
        List<FieldProblem> out = new ArrayList<>();
        List<String> set = new ArrayList<>();
        if (webhook != null) set.add("webhook");
        if (ntfy != null) set.add("ntfy");
        if (slack != null) set.add("slack");
        if (discord != null) set.add("discord");
        if (set.size() != 1) {
            out.add(new FieldProblem("", set.isEmpty() ? "names no target (one of webhook, ntfy, slack, discord: <https URL>)"
                    : "names " + set.size() + " targets (" + String.join(", ", set) + "); give one per list entry"));
            return out;
        }
        String key = set.get(0);
        String url = webhook != null ? webhook : ntfy != null ? ntfy : slack != null ? slack : discord;
        String why = urlProblem(url);
        if (why != null) out.add(new FieldProblem(key, why));
        return out;
    }

    private static String urlProblem(String url) {
        try {
            URI u = new URI(url.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return "'" + url + "' is not an http(s) URL";
            if (u.getHost() == null || u.getHost().isBlank()) return "'" + url + "' has no host";
            if (u.getUserInfo() != null) return "'" + url + "' must not carry a user name or password";
            return null;
        } catch (java.net.URISyntaxException e) {
            return "'" + url + "' is not a URL: " + e.getReason();
        }
    }
}
