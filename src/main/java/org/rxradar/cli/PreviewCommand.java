package org.rxradar.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.DocumentParser;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.FetchResponse;
import org.rxradar.fetch.HttpFetcher;
import org.rxradar.fetch.ListingPreview;
import org.rxradar.fetch.ParsedItems;
import org.rxradar.fetch.SelectorScraper;
import org.rxradar.fetch.Validators;
import org.rxradar.fetch.ats.Listing;
import org.rxradar.fetch.ats.SearchPhrases;
import org.rxradar.model.Item;
import org.rxradar.model.Json;
import org.rxradar.model.Kind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Fetches URLs now and prints the items they yield as JSON lines, without Kafka and without
 * touching fetch state, so an operator can try a source entry before adding it.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Fetch URLs now and print the items they yield as JSON lines (nothing is published, no state is written).",
                "Job-listing types (workday, greenhouse, lever, smartrecruiters, usajobs, sitemap) read the listing as a poll "
                        + "would and print the postings that match the search phrases, then say how many the listing held."})
public final class PreviewCommand implements Callable<Integer> {
    private static final List<String> PAGE_TYPES = List.of("rss", "web", "auto");

    @Parameters(arity = "1..*", paramLabel = "URL", description = "feed or page URLs, or job-listing URLs (a board, a sitemap)")
    List<String> urls;

    @Option(names = "--type", defaultValue = "auto",
            description = "rss, web, auto, workday, greenhouse, lever, smartrecruiters, usajobs or sitemap (default: ${DEFAULT-VALUE})")
    String type;

    @Option(names = "--kind", description = "news or job (default: news; job for the job-listing types); web pages with JobPosting data are always jobs")
    String kind;

    @Option(names = "--selector", paramLabel = "KEY=CSS",
            description = "CSS selector for pages without structured data; keys: item, title, link, date, summary, employer, "
                    + "location; next (next-page link), max-pages (number), detail (json-ld or CSS of the summary on each item's page)")
    Map<String, String> selectors = new LinkedHashMap<>();

    @Option(names = "--search", paramLabel = "PHRASE",
            description = "job-listing types: a phrase a posting's title or description must contain; repeatable "
                    + "(default: the pharmacy-technician phrases)")
    List<String> search = new ArrayList<>();

    @Option(names = "--api-url", paramLabel = "URL", description = "job-listing types: the list endpoint, instead of the one derived from the URL")
    String apiUrl;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "usajobs: the API key (default: $" + RxRadarConfig.Source.USAJOBS_KEY_ENV + "); never printed")
    String apiKey;

    @Option(names = "--user-agent-email", paramLabel = "EMAIL", description = "usajobs: the email address the API key was requested with")
    String userAgentEmail;

    @Option(names = "--include", paramLabel = "REGEX", description = "sitemap: a regular expression the job pages' URLs match")
    String include;

    @Option(names = "--max-pages", paramLabel = "N",
            description = "sitemap: job pages read (default: " + RxRadarConfig.Source.DEFAULT_SITEMAP_PAGES + ")")
    Integer maxPages;

    @Option(names = "--config", description = "YAML config for the fetch settings (User-Agent, timeouts)")
    java.nio.file.Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String t = type.trim().toLowerCase(Locale.ROOT);
        boolean listing = RxRadarConfig.Source.JOB_TYPES.contains(t);
        Kind k;
        try {
            k = checkArguments(t, listing);
        } catch (IllegalArgumentException e) {
            err.println("preview: " + e.getMessage());
            return 2;
        }
        RxRadarConfig cfg = config == null ? RxRadarConfig.defaults() : org.rxradar.config.ConfigLoader.load(config);
        HttpFetcher http = new HttpFetcher(cfg.fetch());
        ListingPreview listings = listing ? new ListingPreview(cfg.fetch(), http) : null;
        DocumentParser parser = new DocumentParser();
        int failed = 0;
        for (String url : urls) {
            try {
                if (listing) previewListing(listings, t, url, out, err);
                else previewDocument(http, parser, url, k, out, err);
            } catch (FetchException e) {
                failed++;
                err.println(url + ": failed: " + e.getMessage());
            }
            err.flush();
        }
        return failed == 0 ? 0 : 1;
    }

    private Kind checkArguments(String t, boolean listing) {
        if (!listing && !PAGE_TYPES.contains(t)) {
            throw new IllegalArgumentException("--type must be rss, web, auto or one of "
                    + String.join(", ", RxRadarConfig.Source.JOB_TYPES) + ", not '" + type + "'");
        }
        Kind k = Kind.parse(kind == null ? (listing ? "job" : "news") : kind);
        if (listing) {
            if (k != Kind.JOB) throw new IllegalArgumentException("a " + t + " source reads job postings: --kind job");
            if (!selectors.isEmpty()) throw new IllegalArgumentException("--selector applies to web pages, not to type " + t);
            if (!search.isEmpty()) new SearchPhrases(search);
            if (apiUrl != null) checkHttpUrl("--api-url", apiUrl);
            if (include != null) {
                try {
                    Pattern.compile(include);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("--include '" + include + "' is not a regular expression: " + e.getDescription());
                }
            }
            if (maxPages != null && maxPages < 1) throw new IllegalArgumentException("--max-pages must be at least 1");
        } else {
            if (!search.isEmpty() || apiUrl != null || apiKey != null || userAgentEmail != null || include != null || maxPages != null) {
                throw new IllegalArgumentException("--search, --api-url, --api-key, --user-agent-email, --include and --max-pages "
                        + "apply to the job-listing types (" + String.join(", ", RxRadarConfig.Source.JOB_TYPES) + ")");
            }
            SelectorScraper.validate(selectors);
        }
        return k;
    }

    private static void checkHttpUrl(String option, String url) {
        try {
            URI u = new URI(url.trim());
            if (u.getHost() == null || !"http".equalsIgnoreCase(u.getScheme()) && !"https".equalsIgnoreCase(u.getScheme())) {
                throw new IllegalArgumentException(option + " must be an http(s) URL, not '" + url + "'");
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(option + " '" + url + "' is not a URL: " + e.getReason());
        }
    }

    // a job listing: the type's reader, once, with the options as the source's keys
    private void previewListing(ListingPreview listings, String t, String url, PrintWriter out, PrintWriter err)
            throws FetchException {
        RxRadarConfig.Source source = new RxRadarConfig.Source(url, t, "job", url.trim(), Duration.ofMinutes(30), null,
                Map.of(), true, apiUrl, search, apiKey, userAgentEmail, include, maxPages);
        Listing listing = listings.read(source);
        for (Item item : listing.items()) out.println(Json.text(item));
        out.flush();
        int listed = listing.listed().size();
        int matched = listing.items().size();
        String counts = listed + (listed == 1 ? " posting" : " postings") + " in the listing, " + matched + " matched the search phrases";
        if (matched == 0) {
            err.println(url + ": nothing found: " + (listing.notice() == null ? "no postings" : listing.notice()) + " (" + counts + ")");
        } else {
            err.println(url + ": " + counts);
            if (listing.notice() != null) err.println(url + ": " + listing.notice());
        }
    }

    private void previewDocument(HttpFetcher http, DocumentParser parser, String url, Kind k, PrintWriter out, PrintWriter err)
            throws FetchException {
        ParsedItems parsed = parse(http, parser, url, k);
        for (Item item : parsed.items()) out.println(Json.text(item));
        out.flush();
        if (parsed.items().isEmpty()) {
            err.println(url + ": nothing found: " + (parsed.notice() == null ? "no items" : parsed.notice()));
        } else if (parsed.notice() != null) {
            err.println(url + ": " + parsed.notice());
        }
        // what the document held but the preview does not show, one line per reason
        parsed.dropped().forEach((reason, n) -> err.println(url + ": dropped " + n + (n == 1 ? " entry: " : " entries: ") + reason));
    }

    private ParsedItems parse(HttpFetcher http, DocumentParser parser, String url, Kind k) throws FetchException {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (Exception e) {
            throw new FetchException("invalid URL: " + e.getMessage());
        }
        FetchResponse response = http.fetch(uri, Validators.NONE);
        if (!response.ok()) {
            throw new FetchException("HTTP " + response.status() + " (" + response.outcome() + ")"
                    + (response.retryAfter() == null ? "" : ", retry after " + response.retryAfter().toSeconds() + " s"));
        }
        return parser.parse(type.trim().toLowerCase(Locale.ROOT), response, url, k, selectors, Instant.now(), item -> false,
                more -> http.fetch(more, Validators.NONE));
    }
}
