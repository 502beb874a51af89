package org.rxradar.fetch;

import java.time.Duration;
import java.util.Locale;

/**
 * Where a fetch pass stands, and how it reads: sources done of the total, items, errors, the rate
 * so far and the time left at that rate. Pure: the caller supplies the counts and the time.
 *
 * @param done    sources whose poll ended (fetched, unchanged or failed)
 * @param total   sources in the pass
 * @param items   items found so far
 * @param errors  sources that failed
 * @param elapsed time since the pass began
 */
public record ProgressLine(int done, int total, long items, int errors, Duration elapsed) {

    /** Sources per second so far; 0 before the first ends. */
    public double rate() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : done / s;
    }

    /** The time left at the rate so far; null while there is no rate yet. */
    public Duration left() {
        if (done >= total) return Duration.ZERO;
        double r = rate();
        if (r <= 0) return null;
        return Duration.ofMillis((long) Math.ceil((total - done) / r * 1000));
    }

    /** For a log line: {@code fetch: 412/1,000 sources (41%), 8,240 items, 3 errors, 52.1 sources/s, about 12 s left}. */
    public String text() {
        Duration left = left();
        return String.format(Locale.ROOT, "fetch: %,d/%,d sources (%d%%), %,d items, %,d %s, %.1f sources/s, %s", done, total, percent(),
                items, errors, errors == 1 ? "error" : "errors", rate(), left == null ? "time left not known yet" : "about " + duration(left) + " left");
    }

    /** For a terminal: {@code [########------------]  41%  412/1,000 sources  8,240 items  3 errors  52/s  ETA 12 s}. */
    public String bar(int width) {
        int filled = total == 0 ? width : (int) ((long) width * done / total);
        Duration left = left();
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%  %,d/%,d sources  %,d items  %,d %s  %.0f/s  ETA %s", percent(), done, total, items, errors,
                errors == 1 ? "error" : "errors", rate(), left == null ? "?" : duration(left));
    }

    private int percent() {
        return total == 0 ? 100 : (int) (100L * done / total);
    }

    /** 500 ms, 45 s, 8 min, 1 h 5 min: the unit that reads best, rounded up (a lower bound should not shrink). */
    public static String duration(Duration d) {
        if (d.compareTo(Duration.ofSeconds(1)) < 0 && !d.isZero()) return d.toMillis() + " ms";
        long s = (long) Math.ceil(d.toMillis() / 1000.0);
        if (s < 90) return s + " s";
        long min = (s + 59) / 60;
        if (min < 90) return min + " min";
        return min / 60 + " h " + (min % 60) + " min";
    }
}
