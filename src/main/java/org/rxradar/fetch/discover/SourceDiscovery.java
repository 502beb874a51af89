package org.rxradar.fetch.discover;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.FeedLinkFinder;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.FetchResponse;
import org.rxradar.fetch.HttpFetcher;
import org.rxradar.fetch.JobPostingExtractor;
import org.rxradar.fetch.Validators;

/**
 * Finds the sources a career page offers, best first: a job board with an API (the URL itself,
 * where it redirects, or a link, iframe or script on the page), a sitemap of job pages, a feed the
 * page links, schema.org JobPosting data on the page itself.
 *
 * <p>Job boards are recognised by their platforms' real hosts only. With an {@code apiBase}, their
 * API requests are sent to that origin instead (a proxy, a test server): the findings then carry
 * an {@code api-url} on it, with the path the platform documents.
 */
public final class SourceDiscovery {
    private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";
    private static final int MAX_BOARDS = 10;
    private static final int MAX_FEEDS = 3;
    private static final int MAX_NAME = 80;

    /** What {@link #discover} found on {@code page}; when nothing, {@code explanation} says what was looked at. */
    public record Result(String page, List<Finding> findings, String explanation) {}

    private final HttpFetcher http;
    private final String apiBase;
    private final JobPostingExtractor postings = new JobPostingExtractor();

    /** @param apiBase the origin to send job-board API requests to instead of the platform's; null for the platform's */
    public SourceDiscovery(HttpFetcher http, String apiBase) {
        this.http = http;
        this.apiBase = apiBase == null || apiBase.isBlank() ? null : apiBase.trim();
    }

    /** Looks at {@code url}; a page that cannot be fetched throws, a page with nothing on it returns no findings. */
    public Result discover(String url) throws FetchException {
        URI uri = parse(url);
        AtsLink self = AtsLinks.parse(uri.toString());
        if (self != null) return new Result(url, List.of(board(self, "the URL itself")), null);

        FetchResponse response = http.fetch(uri, Validators.NONE, PAGE_ACCEPT);
        if (!response.ok()) throw new FetchException("HTTP " + response.status() + " from " + uri);
        URI page = response.finalUrl();
        AtsLink redirected = AtsLinks.parse(page.toString());
        if (redirected != null) return new Result(url, List.of(board(redirected, "the URL redirects to " + page)), null);

        String head = new String(response.body(), 0, Math.min(response.body().length, 2048), StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT);
        if (head.contains("<urlset") || head.contains("<sitemapindex")) {
            return sitemapOnly(url, new SitemapProbe(http).read(List.of(page)));
        }
        if (isFeed(head)) return new Result(url, List.of(feed(page.toString(), host(page), "the URL is a feed")), null);

        Document doc = document(response);
        String title = title(doc, page);
        List<Finding> found = new ArrayList<>(boards(doc));
        SitemapProbe.Result sitemap = new SitemapProbe(http).probe(page);
        if (sitemap.found() != null) found.add(sitemap(sitemap.found(), title, page));
        found.addAll(feeds(doc, title));
        int declared = postings.countDeclared(doc);
        if (declared > 0) {
            found.add(new Finding(Finding.Via.JSON_LD, "web", page.toString(), null, null, title, slug(host(page)) + "-jobs",
                    Duration.ofHours(6), "the page itself holds " + declared + " schema.org JobPosting "
                    + (declared == 1 ? "entry" : "entries") + " (JSON-LD or microdata)", List.of(), List.of()));
        }
        found.sort(Comparator.comparing(Finding::via)); // stable: page order within a kind
        String why = found.isEmpty()
                ? "nothing found on " + page + ": no link to Workday, Greenhouse, Lever, SmartRecruiters or USAJOBS, "
                + "no feed link, no schema.org JobPosting data, and " + sitemap.why()
                : null;
        return new Result(url, found, why);
    }

    // ---- job boards

    private List<Finding> boards(Document doc) {
        Map<String, Finding> found = new LinkedHashMap<>();
        for (PageLinks.Found link : PageLinks.find(doc)) {
            AtsLink board = AtsLinks.parse(link.url());
            if (board == null) continue;
            String key = board.type() + "/" + board.token() + "/" + board.site();
            if (!found.containsKey(key) && found.size() < MAX_BOARDS) {
                found.put(key, board(board, article(link.where()) + " on the page: " + link.url()));
            }
        }
        return new ArrayList<>(found.values());
    }

    private Finding board(AtsLink board, String where) {
        String apiUrl = apiBase == null ? null : board.apiUrlAt(apiBase);
        String evidence = board.describe() + ", from " + where;
        return switch (board.type()) {
            case "usajobs" -> {
                String keyword = keyword(board.url());
                yield new Finding(Finding.Via.JOB_BOARD, "usajobs", board.url(), apiUrl, null,
                        "USAJOBS" + (keyword == null ? "" : " " + keyword), keyword == null ? "usajobs" : "usajobs-" + slug(keyword),
                        Duration.ofHours(12), evidence,
                        List.of("USAJOBS answers only with an API key (free at https://developer.usajobs.gov/apirequest/):",
                                "fill in api-key and user-agent-email below, or set the key in "
                                        + RxRadarConfig.Source.USAJOBS_KEY_ENV + " instead"),
                        List.of("api-key: YOUR-USAJOBS-API-KEY", "user-agent-email: you@example.org"));
            }
            case "workday" -> new Finding(Finding.Via.JOB_BOARD, "workday", board.url(), apiUrl, null,
                    humanise(board.token()) + " " + board.site() + " (Workday)", slug(board.token() + "-" + board.site()) + "-workday",
                    Duration.ofHours(2), evidence, List.of(), List.of());
            default -> new Finding(Finding.Via.JOB_BOARD, board.type(), board.url(), apiUrl, null,
                    humanise(board.token()) + " (" + platform(board.type()) + ")", slug(board.token()) + "-" + board.type(),
                    Duration.ofHours(2), evidence, List.of(), List.of());
        };
    }

    // ---- sitemap, feeds

    private Result sitemapOnly(String url, SitemapProbe.Result probe) {
        if (probe.found() == null) return new Result(url, List.of(), "nothing found on " + url + ": " + probe.why());
        URI page = URI.create(probe.found().sitemap());
        return new Result(url, List.of(sitemap(probe.found(), host(page), page)), null);
    }

    private static Finding sitemap(SitemapProbe.Found found, String name, URI page) {
        JobUrlPattern.Guess guess = found.guess();
        return new Finding(Finding.Via.SITEMAP, "sitemap", found.sitemap(), null, guess.regex(), name,
                slug(host(page)) + "-sitemap", Duration.ofHours(12),
                "sitemap " + found.sitemap() + " lists " + guess.count() + " of its " + found.urls() + " pages below "
                        + guess.prefix(),
                List.of("include is a guess from the sitemap's paths: check it matches job pages only"), List.of());
    }

    private static List<Finding> feeds(Document doc, String title) {
        List<Finding> out = new ArrayList<>();
        for (String feed : FeedLinkFinder.find(doc)) {
            // a blog's comment feed is no job listing
            if (feed.toLowerCase(Locale.ROOT).contains("comments") || out.size() >= MAX_FEEDS) continue;
            out.add(feed(feed, title, "the page links a feed: " + feed));
        }
        return out;
    }

    private static Finding feed(String url, String name, String evidence) {
        String host;
        try {
            host = host(URI.create(url));
        } catch (IllegalArgumentException e) {
            host = "feed";
        }
        return new Finding(Finding.Via.FEED, "rss", url, null, null, name, slug(host) + "-feed", Duration.ofHours(1),
                evidence, List.of(), List.of());
    }

    private static boolean isFeed(String head) {
        boolean html = head.contains("<html") || head.contains("<!doctype html");
        return !html && (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
                || head.startsWith("{") && head.contains("jsonfeed.org/version"));
    }

    // ---- names and ids

    private static URI parse(String url) throws FetchException {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new FetchException("'" + url + "' is not an http(s) URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new FetchException("'" + url + "' is not a URL: " + e.getReason());
        }
    }

    private static Document document(FetchResponse response) throws FetchException {
        try {
            return Jsoup.parse(new ByteArrayInputStream(response.body()), charset(response.contentType()),
                    response.finalUrl().toString());
        } catch (IOException | RuntimeException e) {
            throw new FetchException("unreadable HTML page " + response.finalUrl() + ": " + e.getMessage(), e);
        }
    }

    private static String charset(String contentType) {
        if (contentType == null) return null;
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String cs = p.substring(8).replace("\"", "").trim();
                try {
                    return Charset.isSupported(cs) ? cs : null;
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String title(Document doc, URI page) {
        String t = doc.title().replaceAll("\\s+", " ").trim();
        if (t.isEmpty()) return host(page);
        return t.length() <= MAX_NAME ? t : t.substring(0, MAX_NAME - 1).trim() + "…";
    }

    private static String host(URI uri) {
        String h = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    private static String keyword(String url) {
        String q = URI.create(url).getRawQuery();
        if (q == null) return null;
        for (String pair : q.split("&")) {
            if (pair.toLowerCase(Locale.ROOT).startsWith("k=") && pair.length() > 2) {
                try {
                    return URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8).trim();
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String article(String where) {
        return switch (where) {
            case "iframe" -> "an iframe";
            case "script text" -> "script text";
            default -> "a " + where;
        };
    }

    private static String platform(String type) {
        return switch (type) {
            case "greenhouse" -> "Greenhouse";
            case "lever" -> "Lever";
            case "smartrecruiters" -> "SmartRecruiters";
            default -> type;
        };
    }

    /** "acme-health_careers" -> "Acme Health Careers". */
    static String humanise(String token) {
        StringBuilder out = new StringBuilder();
        for (String word : token.split("[-_.\\s]+")) {
            if (word.isEmpty()) continue;
            if (out.length() > 0) out.append(' ');
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.length() == 0 ? token : out.toString();
    }

    /** A source id's part: lower case letters, digits and single dashes. */
    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "source" : s;
    }
}
