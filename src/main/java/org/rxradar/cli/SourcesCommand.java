package org.rxradar.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.fetch.FetchException;
import org.rxradar.fetch.HttpFetcher;
import org.rxradar.fetch.ListingPreview;
import org.rxradar.fetch.discover.Finding;
import org.rxradar.fetch.discover.FirstRead;
import org.rxradar.fetch.discover.SourceBlock;
import org.rxradar.fetch.discover.SourceDiscovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rxradar sources}: help with the config file's sources. */
@Command(name = "sources", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Find sources to add to the config file (discover).",
        subcommands = {SourcesCommand.Discover.class})
public final class SourcesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "discover", mixinStandardHelpOptions = true,
            description = {
                    "Look at a career page and print a ready-to-paste source block for each source found, best first:",
                    "  1. a job board read through its API: the URL itself, where it redirects, or a link, iframe or script "
                            + "on the page pointing at Workday, Greenhouse, Lever, SmartRecruiters or USAJOBS;",
                    "  2. a sitemap.xml listing job pages (from robots.txt's Sitemap: lines, else /sitemap.xml), "
                            + "with an include regex guessed from the job pages' folder;",
                    "  3. a feed the page links (<link rel=alternate>);",
                    "  4. schema.org JobPosting data on the page itself (type web).",
                    "Each block says what was found and how many postings a first read lists and how many match the "
                            + "search phrases (nothing is published, no state is written). "
                            + "Exit code 1 and a one-line explanation when nothing is found."},
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:found at least one source", "1:nothing found, or the page could not be fetched",
                    "2:invalid arguments"})
    static final class Discover implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(index = "0", paramLabel = "URL", description = "a career page, a job board's URL, a feed or a sitemap")
        String url;

        @Option(names = "--api-base", paramLabel = "URL",
                description = "Send the API requests of a found job board to this origin (a proxy, a test server) instead "
                        + "of the platform's own host; its block then carries an api-url there, with the platform's path.")
        String apiBase;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (apiBase != null && !httpUrl(apiBase)) {
                err.println("sources discover: --api-base must be an http(s) URL, not '" + apiBase + "'");
                return 2;
            }
            RxRadarConfig cfg = config.load();
            HttpFetcher http = new HttpFetcher(cfg.fetch());
            SourceDiscovery.Result result;
            try {
                result = new SourceDiscovery(http, apiBase).discover(url);
            } catch (FetchException e) {
                err.println("sources discover: " + url + ": " + e.getMessage());
                return 1;
            }
            if (result.findings().isEmpty()) {
                err.println("sources discover: " + result.explanation());
                return 1;
            }
            ListingPreview preview = new ListingPreview(cfg.fetch(), http);
            List<Finding> findings = result.findings();
            List<String> ids = SourceBlock.ids(findings);
            out.println("# " + findings.size() + (findings.size() == 1 ? " source" : " sources") + " found for " + url
                    + (findings.size() == 1 ? "" : ", best first") + "; paste under `sources:` in the config file");
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                RxRadarConfig.Source source = f.toSource(ids.get(i));
                List<String> comments = new ArrayList<>();
                comments.add(f.evidence());
                comments.add(FirstRead.summary(preview, source));
                comments.addAll(f.notes());
                out.println();
                out.print(SourceBlock.yaml(source, comments, f.todo()));
                out.flush();
            }
            return 0;
        }

        private static boolean httpUrl(String s) {
            try {
                URI u = new URI(s.trim());
                return u.getHost() != null && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()));
            } catch (Exception e) {
                return false;
            }
        }
    }
}
