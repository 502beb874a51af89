package org.rxradar.notify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rxradar.digest.LeadLine;
import org.rxradar.model.Json;
import org.rxradar.model.NotifyTarget;
import org.rxradar.model.TaggedItem;

/**
 * The request each kind of target expects for an {@link Alert}:
 * <ul>
 *   <li>webhook: JSON {@code {"event", "sent", "subscriber": {"id", "name"}, "items": [tagged items]}},
 *       signed ({@link Signature}); no email address</li>
 *   <li>ntfy: the leads as plain text, with {@code Title}, {@code Click} (the first lead) and {@code Tags} headers</li>
 *   <li>Slack incoming webhook: {@code {"text"}} in Slack's mrkdwn, {@code <url|title>} links</li>
 *   <li>Discord webhook: {@code {"content"}} of at most 2,000 characters, mentions disabled</li>
 * </ul>
 */
public final class Payloads {
    /** Leads listed in a chat message; the rest are counted ("and 4 more"). */
    static final int MAX_LINES = 10;
    static final int DISCORD_MAX = 2000;

    /** One request's body and headers. */
    public record Request(byte[] body, String contentType, Map<String, String> headers) {}

    private final Signature signature;

    public Payloads(Signature signature) {
        this.signature = signature;
    }

    public Request build(NotifyTarget.Kind kind, Alert alert, Instant now) {
        return switch (kind) {
            case WEBHOOK -> webhook(alert, now);
            case NTFY -> ntfy(alert);
            case SLACK -> json(Map.of("text", slack(alert), "unfurl_links", false));
            case DISCORD -> json(Map.of("content", discord(alert), "allowed_mentions", Map.of("parse", List.of())));
        };
    }

    private Request webhook(Alert alert, Instant now) {
        Map<String, Object> subscriber = new LinkedHashMap<>();
        subscriber.put("id", alert.subscriberId());
        subscriber.put("name", alert.name());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", alert.event());
        body.put("sent", now.toString());
        body.put("subscriber", subscriber);
        body.put("items", alert.leads());
        byte[] bytes = Json.bytes(body);
        return new Request(bytes, "application/json", Map.of(Signature.HEADER, signature.of(bytes), "X-RxRadar-Event", alert.event()));
    }

    private static Request json(Object body) {
        return new Request(Json.bytes(body), "application/json", Map.of());
    }

    static String title(Alert alert) {
        int n = alert.leads().size();
        String leads = n + (n == 1 ? " job lead" : " job leads");
        return alert.event().equals(Alert.NEW_LEADS) ? "RxRadar: " + n + (n == 1 ? " new job lead" : " new job leads")
                : "RxRadar digest: " + leads;
    }

    private Request ntfy(Alert alert) {
        StringBuilder text = new StringBuilder();
        List<LeadLine> lines = lines(alert);
        for (LeadLine l : lines.subList(0, Math.min(MAX_LINES, lines.size()))) {
            if (!text.isEmpty()) text.append("\n\n");
            text.append(l.title());
            if (!l.details().isEmpty()) text.append("\n").append(l.details());
            if (l.url() != null) text.append("\n").append(l.url());
        }
        more(text, lines.size(), "\n\n");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Title", title(alert)); // ASCII only: header values are not UTF-8 everywhere
        headers.put("Tags", "pill");
        lines.stream().map(LeadLine::url).filter(u -> u != null).findFirst().ifPresent(u -> headers.put("Click", u));
        return new Request(text.toString().getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8", headers);
    }

    static String slack(Alert alert) {
        StringBuilder text = new StringBuilder("*").append(slackEscape(title(alert))).append("*");
        List<LeadLine> lines = lines(alert);
        for (LeadLine l : lines.subList(0, Math.min(MAX_LINES, lines.size()))) {
            text.append("\n\u2022 ");
            // Slack's link syntax cannot hold a '|' or '>' in the URL: a safe URL has neither unescaped
            if (l.url() != null && l.url().indexOf('|') < 0 && l.url().indexOf('>') < 0)
                text.append('<').append(l.url()).append('|').append(slackEscape(l.title())).append('>');
            else text.append(slackEscape(l.title()));
            if (!l.details().isEmpty()) text.append(" \u2014 ").append(slackEscape(l.details()));
        }
        more(text, lines.size(), "\n");
        return text.toString();
    }

    /** Slack's three control characters in text (its documented escaping). */
    static String slackEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String discord(Alert alert) {
        String head = "**" + discordEscape(title(alert)) + "**";
        StringBuilder text = new StringBuilder(head);
        List<LeadLine> lines = lines(alert);
        int shown = 0;
        int budget = DISCORD_MAX - 30; // room for the "…and N more" line
        for (LeadLine l : lines) {
            String title = discordEscape(l.title());
            // <url> keeps Discord from embedding a preview of every link
            String line = "\n\u2022 " + (l.url() != null ? "[" + title + "](<" + l.url() + ">)" : title)
                    + (l.details().isEmpty() ? "" : " \u2014 " + discordEscape(l.details()));
            if (shown == MAX_LINES || text.length() + line.length() > budget) break;
            text.append(line);
            shown++;
        }
        if (shown < lines.size()) text.append("\n\u2026and ").append(lines.size() - shown).append(" more");
        return text.length() <= DISCORD_MAX ? text.toString() : text.substring(0, DISCORD_MAX - 1) + "\u2026";
    }

    /** Markdown characters a title could use to format or break a link. */
    static String discordEscape(String s) {
        return s.replaceAll("([\\\\*_~`|\\[\\]()<>#@-])", "\\\\$1");
    }

    private static void more(StringBuilder text, int total, String sep) {
        if (total > MAX_LINES) text.append(sep).append("\u2026and ").append(total - MAX_LINES).append(" more");
    }

    private static List<LeadLine> lines(Alert alert) {
        List<LeadLine> out = new ArrayList<>();
        for (TaggedItem i : alert.leads()) out.add(LeadLine.of(i));
        return out;
    }
}
