package org.rxradar.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.rxradar.model.TaggedItem;

/**
 * News about events (conferences, webinars, hiring fairs, CE deadlines) as an iCalendar document
 * (RFC 5545): one VEVENT per item whose title or summary names a readable date (see
 * {@link DateFinder}), all-day unless a time follows the date; items without one are left out. The UID is the item id, so a calendar app
 * that subscribes updates an event in place when the story is re-tagged.
 */
public final class EventCalendar {
    public static final String CONTENT_TYPE = "text/calendar; charset=utf-8";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private EventCalendar() {}

    /** The event dated by this item, or empty when its text names no readable date. */
    public static Optional<DateFinder.When> dateOf(TaggedItem item) {
        LocalDate published = item.published() == null ? null : item.published().atZone(ZoneOffset.UTC).toLocalDate();
        Optional<DateFinder.When> d = DateFinder.findWhen(item.title(), published);
        return d.isPresent() ? d : DateFinder.findWhen(item.summary(), published);
    }

    /**
     * @param name  the calendar's name, shown by calendar apps
     * @param stamp DTSTAMP of the events whose item has no change time
     */
    public static String write(String name, List<TaggedItem> items, Instant stamp) {
        StringBuilder out = new StringBuilder(1024 + items.size() * 512);
        IcsText.line(out, "BEGIN:VCALENDAR");
        IcsText.line(out, "VERSION:2.0");
        IcsText.line(out, "PRODID:-//RxRadar//Events//EN");
        IcsText.line(out, "CALSCALE:GREGORIAN");
        // no METHOD: that is iTIP's (RFC 5546), whose PUBLISH would require an ORGANIZER per event
        IcsText.line(out, "X-WR-CALNAME:" + IcsText.escape(name));
        for (TaggedItem item : items) {
            Optional<DateFinder.When> when = dateOf(item);
            if (when.isEmpty()) continue;
            DateFinder.When w = when.get();
            Instant changed = item.tagged() != null ? item.tagged() : item.published() != null ? item.published() : stamp;
            IcsText.line(out, "BEGIN:VEVENT");
            IcsText.line(out, "UID:" + item.id() + "@rxradar");
            IcsText.line(out, "DTSTAMP:" + STAMP.format(changed));
            if (w.time() == null) {
                IcsText.line(out, "DTSTART;VALUE=DATE:" + DATE.format(w.date()));
                IcsText.line(out, "DTEND;VALUE=DATE:" + DATE.format(w.date().plusDays(1)));
            } else if (w.zone() != null) { // a named zone: the instant, in UTC, so no VTIMEZONE is needed
                IcsText.line(out, "DTSTART:" + STAMP.format(w.date().atTime(w.time()).atZone(w.zone()).toInstant()));
            } else { // no zone named: a floating time, read in the reader's own zone (RFC 5545 3.3.5, form 1)
                IcsText.line(out, "DTSTART:" + LOCAL.format(w.date().atTime(w.time())));
            }
            IcsText.line(out, "SUMMARY:" + IcsText.escape(item.title() == null || item.title().isBlank() ? "(untitled)" : item.title().strip()));
            String url = safeUrl(item.url());
            if (url != null) IcsText.line(out, "URL:" + url);
            StringBuilder description = new StringBuilder();
            if (item.summary() != null && !item.summary().isBlank()) description.append(item.summary().strip());
            if (item.source() != null) description.append(description.isEmpty() ? "" : "\n\n").append("Source: ").append(item.source());
            if (url != null) description.append("\n").append(url);
            if (!description.isEmpty()) IcsText.line(out, "DESCRIPTION:" + IcsText.escape(description.toString()));
            IcsText.line(out, "END:VEVENT");
        }
        IcsText.line(out, "END:VCALENDAR");
        return out.toString();
    }

    // URL is a URI value, not TEXT: nothing is escaped, so anything that is not a plain http(s) link is left out
    private static String safeUrl(String url) {
        if (url == null) return null;
        String u = url.strip();
        if (!(u.startsWith("http://") || u.startsWith("https://"))) return null;
        for (int i = 0; i < u.length(); i++) if (u.charAt(i) <= ' ' || u.charAt(i) == 0x7f) return null;
        return u;
    }
}
