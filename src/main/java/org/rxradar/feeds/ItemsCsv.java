package org.rxradar.feeds;

import org.rxradar.view.FeedView;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rxradar.model.Certification;
import org.rxradar.model.HourlyPay;
import org.rxradar.model.Kind;
import org.rxradar.model.Labels;
import org.rxradar.model.Place;
import org.rxradar.model.TaggedItem;

/**
 * Job leads as CSV (RFC 4180: CRLF, quotes where needed, a header row), one row per lead, for a
 * spreadsheet. A cell that a spreadsheet would read as a formula (starting with = + - @, a tab or
 * a carriage return) gets a leading apostrophe, so a posting titled {@code =HYPERLINK(...)} stays text.
 */
public final class ItemsCsv {
    public static final List<String> COLUMNS = List.of("title", "employer", "city", "state", "remote",
            "pay_per_hour_min", "pay_per_hour_max", "published_pay", "certifications", "shift", "employment",
            "posted", "link");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();

    private ItemsCsv() {}

    /** The leads among {@code items} (news is skipped), in order. */
    public static String write(List<TaggedItem> items) {
        StringWriter out = new StringWriter(256 + items.size() * 256);
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            for (TaggedItem item : items) {
                if (item.kind() == Kind.JOB) csv.printRecord(row(item).stream().map(ItemsCsv::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CSV into memory failed", e);
        }
        return out.toString();
    }

    static List<String> row(TaggedItem item) {
        Place p = item.location();
        List<String> certs = new ArrayList<>();
        for (Certification c : item.certifications()) certs.add(Labels.of(c.id()) + (c.required() ? " (required)" : " (preferred)"));
        return List.of(
                nz(item.title()),
                nz(item.employer()),
                p == null ? "" : nz(p.city()),
                p == null ? "" : nz(p.state()),
                Boolean.toString(p != null && p.remote()),
                money(HourlyPay.min(item.salary())),
                money(HourlyPay.max(item.salary())),
                nz(HourlyPay.format(item.salary())),
                String.join("; ", certs),
                String.join("; ", item.shift().stream().map(Labels::of).toList()),
                item.employment() == null ? "" : Labels.of(item.employment()),
                FeedView.sortTime(item).toString(),
                nz(item.url()));
    }

    /** A cell that cannot start a formula (OWASP's CSV injection advice). */
    static String safe(String cell) {
        if (cell.isEmpty()) return cell;
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }

    private static String money(Double perHour) {
        return perHour == null ? "" : BigDecimal.valueOf(perHour).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
