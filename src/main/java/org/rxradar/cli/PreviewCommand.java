package org.rxradar.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.DocumentParser;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.FetchResponse;
import org.rxradar.fetch.HttpFetcher;
import org.rxradar.fetch.ParsedItems;
import org.rxradar.fetch.SelectorScraper;
import org.rxradar.fetch.Validators;
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
        description = "Fetch URLs now and print the items they yield as JSON lines (nothing is published).")
public final class PreviewCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "URL", description = "feed or page URLs")
    List<String> urls;

    @Option(names = "--type", defaultValue = "auto", description = "rss, web or auto (default: ${DEFAULT-VALUE})")
    String type;

    @Option(names = "--kind", defaultValue = "news", description = "news or job (default: ${DEFAULT-VALUE}); web pages with JobPosting data are always jobs")
    String kind;

    @Option(names = "--selector", paramLabel = "KEY=CSS",
            description = "CSS selector for pages without structured data; keys: item, title, link, date, summary, employer, "
                    + "location; next (next-page link), max-pages (number), detail (json-ld or CSS of the summary on each item's page)")
    Map<String, String> selectors = new LinkedHashMap<>();

    @Option(names = "--config", description = "YAML config for the fetch settings (User-Agent, timeouts)")
    java.nio.file.Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Kind k;
        try {
            k = Kind.parse(kind);
            if (!List.of("rss", "web", "auto").contains(type.toLowerCase())) {
                throw new IllegalArgumentException("--type must be rss, web or auto, not '" + type + "'");
            }
            SelectorScraper.validate(selectors);
        } catch (IllegalArgumentException e) {
            err.println("preview: " + e.getMessage());
            return 2;
        }
        RxRadarConfig cfg = config == null ? RxRadarConfig.defaults() : org.rxradar.config.ConfigLoader.load(config);
        HttpFetcher http = new HttpFetcher(cfg.fetch());
        DocumentParser parser = new DocumentParser();
        int failed = 0;
        for (String url : urls) {
            try {
                ParsedItems parsed = preview(http, parser, url, k);
                for (Item item : parsed.items()) out.println(Json.text(item));
                out.flush();
                if (parsed.items().isEmpty()) {
                    err.println(url + ": nothing found: " + (parsed.notice() == null ? "no items" : parsed.notice()));
                } else if (parsed.notice() != null) {
                    err.println(url + ": " + parsed.notice());
                }
            } catch (FetchException e) {
                failed++;
                err.println(url + ": failed: " + e.getMessage());
            }
            err.flush();
        }
        return failed == 0 ? 0 : 1;
    }

    private ParsedItems preview(HttpFetcher http, DocumentParser parser, String url, Kind k) throws FetchException {
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
        return parser.parse(type, response, url, k, selectors, Instant.now(), item -> false,
                more -> http.fetch(more, Validators.NONE));
    }
}
