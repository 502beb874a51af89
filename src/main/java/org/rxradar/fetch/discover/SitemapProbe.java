package org.rxradar.fetch.discover;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.FetchResponse;
import org.rxradar.fetch.HttpFetcher;
import org.rxradar.fetch.Validators;

/**
 * Looks for job pages in a site's sitemaps: those robots.txt names ({@code Sitemap:} lines), else
 * {@code /sitemap.xml}; a sitemap index is followed one level, job-like child sitemaps first. At
 * most {@value #MAX_SITEMAPS} sitemaps are read.
 */
final class SitemapProbe {
    static final int MAX_SITEMAPS = 6;
    private static final String XML_ACCEPT = "application/xml, text/xml;q=0.9, */*;q=0.5";
    private static final Pattern SITEMAP_LINE = Pattern.compile("(?im)^\\s*sitemap\\s*:\\s*(\\S+)");
    private static final long MAX_GUNZIPPED = 50L * 1024 * 1024;

    /**
     * @param sitemap the sitemap listing the job pages
     * @param guess   their shared folder and include regex
     * @param urls    how many page URLs that sitemap lists in all
     */
    record Found(String sitemap, JobUrlPattern.Guess guess, int urls) {}

    /** What the probe saw: the best sitemap, or null and why there is none. */
    record Result(Found found, String why) {}

    private final HttpFetcher http;

    SitemapProbe(HttpFetcher http) {
        this.http = http;
    }

    /** The sitemaps of {@code page}'s site. */
    Result probe(URI page) {
        String origin = page.getScheme() + "://" + page.getRawAuthority();
        List<URI> start = new ArrayList<>();
        try {
            FetchResponse robots = http.fetch(URI.create(origin + "/robots.txt"), Validators.NONE, "text/plain");
            if (robots.ok()) {
                Matcher m = SITEMAP_LINE.matcher(new String(robots.body(), StandardCharsets.UTF_8));
                while (m.find() && start.size() < MAX_SITEMAPS) {
                    URI u = uri(page, m.group(1));
                    if (u != null) start.add(u);
                }
            }
        } catch (FetchException e) {
            // no robots.txt to read: try the conventional place
        }
        if (start.isEmpty()) start.add(URI.create(origin + "/sitemap.xml"));
        return read(start);
    }

    /** Reads {@code start} (and the children of indexes among them) and keeps the sitemap with the most job pages. */
    Result read(List<URI> start) {
        Deque<URI> queue = new ArrayDeque<>(start);
        Set<URI> visited = new LinkedHashSet<>();
        Found best = null;
        int read = 0;
        int pages = 0;
        while (!queue.isEmpty() && visited.size() < MAX_SITEMAPS) {
            URI url = queue.poll();
            if (!visited.add(url)) continue;
            Document xml = fetch(url);
            if (xml == null) continue;
            read++;
            if (!xml.select("sitemapindex").isEmpty()) {
                children(xml, url).forEach(queue::addLast);
                continue;
            }
            List<String> locs = new ArrayList<>();
            for (Element loc : xml.select("url > loc")) locs.add(loc.text().trim());
            pages += locs.size();
            JobUrlPattern.Guess guess = JobUrlPattern.guess(locs);
            if (guess != null && (best == null || guess.count() > best.guess().count())) {
                best = new Found(url.toString(), guess, locs.size());
            }
        }
        if (best != null) return new Result(best, null);
        String tried = String.join(", ", visited.stream().map(URI::toString).toList());
        return new Result(null, read == 0 ? "no sitemap at " + tried
                : "the sitemaps (" + tried + ") list " + pages + " pages, none below a job-like folder such as /jobs/ or /careers/");
    }

    // children of a sitemap index, those whose name suggests jobs first
    private List<URI> children(Document index, URI base) {
        List<URI> jobs = new ArrayList<>();
        List<URI> others = new ArrayList<>();
        for (Element loc : index.select("sitemap > loc")) {
            URI u = uri(base, loc.text().trim());
            if (u == null) continue;
            String s = u.toString().toLowerCase(Locale.ROOT);
            (s.contains("job") || s.contains("career") || s.contains("position") || s.contains("vacanc") ? jobs : others).add(u);
        }
        jobs.addAll(others);
        return jobs;
    }

    private Document fetch(URI url) {
        try {
            FetchResponse r = http.fetch(url, Validators.NONE, XML_ACCEPT);
            if (!r.ok()) return null;
            byte[] body = gunzipped(r.body());
            String head = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            if (!head.contains("<urlset") && !head.contains("<sitemapindex")) return null;
            return Jsoup.parse(new ByteArrayInputStream(body), null, url.toString(), Parser.xmlParser());
        } catch (FetchException | IOException e) {
            return null;
        }
    }

    // sitemap.xml.gz files come gzipped without a Content-Encoding header
    private static byte[] gunzipped(byte[] body) throws IOException {
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) return body;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                if (out.size() > MAX_GUNZIPPED) throw new IOException("gzipped sitemap larger than " + MAX_GUNZIPPED + " bytes");
            }
            return out.toByteArray();
        }
    }

    private static URI uri(URI base, String link) {
        try {
            URI u = base.resolve(link.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
