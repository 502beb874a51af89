package org.rxradar.fetch.page;

import java.time.Instant;
import org.rxradar.fetch.Dates;

/**
 * One {@code <url>} of a sitemap that matched the source's {@code include} pattern.
 *
 * @param loc      the absolute http(s) URL of the page
 * @param lastmod  the {@code <lastmod>} text as written (part of the listing fingerprint), or null
 * @param modified {@code lastmod} as an instant (newest pages are read first), or null when absent or unreadable
 */
record SitemapEntry(String loc, String lastmod, Instant modified) {

    static SitemapEntry of(String loc, String lastmod) {
        String text = lastmod == null || lastmod.isBlank() ? null : lastmod.trim();
        return new SitemapEntry(loc, text, Dates.parseAny(text));
    }
}
