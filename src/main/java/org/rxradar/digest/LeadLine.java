package org.rxradar.digest;

import org.rxradar.model.TaggedItem;

/**
 * A job lead as one short alert line, cleaned the way the digest cleans it (plain text, bounded,
 * safe link only): for places other than email (webhooks, ntfy, Slack, Discord).
 *
 * @param url the lead's http(s) link, null when it had no safe one
 * @param pay see {@link PayFormat}; null when not stated
 */
public record LeadLine(String title, String employer, String place, String pay, String url) {
    private static final int TITLE_MAX = 160;
    private static final int FIELD_MAX = 100;

    public static LeadLine of(TaggedItem item) {
        String title = ItemText.line(item.title(), TITLE_MAX);
        return new LeadLine(title == null ? "(untitled)" : title, ItemText.line(item.employer(), FIELD_MAX),
                DigestSelector.place(item.location()), PayFormat.format(item.salary()), ItemText.safeUrl(item.url()));
    }

    /** "Employer · Place · Pay", the parts that are known; empty when none is. */
    public String details() {
        StringBuilder b = new StringBuilder();
        for (String part : new String[] {employer, place, pay}) {
            if (part == null) continue;
            if (!b.isEmpty()) b.append(" \u00b7 ");
            b.append(part);
        }
        return b.toString();
    }
}
