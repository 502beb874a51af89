package org.rxradar.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rxradar.app.Pipeline;
import org.rxradar.bus.DataDirInUseException;
import org.rxradar.bus.DataDirLock;
import org.rxradar.config.ConfigLoader;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.demo.DemoSetup;
import org.rxradar.demo.SampleSite;
import org.rxradar.demo.SampleSitePort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "See RxRadar work on bundled samples, with no setup and no internet.",
                "",
                "Serves sample feeds and a career page from a local web server, runs the whole pipeline on an "
                        + "embedded Kafka broker with a demo subscriber, writes a digest into the outbox right away "
                        + "and serves the topic feeds until Ctrl-C. Demo state is kept apart from `run`'s, under ./data/demo."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:configuration error (for example the HTTP port is taken: use --port)", "3:Kafka error",
                "4:the data directory is in use by another RxRadar (use --data-dir)"})
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--once", description = "Stop after the first digest is written.")
    boolean once;

    @Option(names = "--port", defaultValue = "8080", description = "Port of the feed server (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--outbox", defaultValue = "./outbox", description = "Where digests are written (default: ${DEFAULT-VALUE}).")
    Path outbox;

    @Option(names = "--data-dir", defaultValue = DemoSetup.DEFAULT_DATA_DIR, description = "Demo state: Kafka data, fetch state (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        RxRadarConfig defaults = ConfigLoader.load(null);
        // a demo already running here: stop before serving or writing anything (Pipeline.open takes the lock for real)
        if (defaults.kafka().useEmbedded()) DataDirLock.owner(DemoSetup.kafkaDir(dataDir)).ifPresent(o -> {
            throw new DataDirInUseException(o.dir(), o.pid());
        });
        try (SampleSite site = SampleSitePort.start(dataDir)) {
            RxRadarConfig cfg = DemoSetup.config(defaults, site, port, outbox, dataDir);
            try (Pipeline pipeline = Pipeline.open(cfg)) {
                SampleSitePort.remember(dataDir, site.port());
                Pipeline.Summary s = pipeline.runOnce();
                // the port really served: --port 0 picks one
                String base = new RxRadarConfig.Http(pipeline.httpPort(), cfg.http().bind(), cfg.http().baseUrl()).publicBaseUrl();
                System.out.println();
                System.out.printf("RxRadar demo: fetched %d sample sources, published %d new items, tagged %d, wrote %d digest(s).%n",
                        s.sources(), s.itemsPublished(), s.itemsTagged(), s.digestsSent());
                System.out.println("  Digest (open the .html in a browser): " + outbox.toAbsolutePath().normalize());
                for (String feed : List.of("/feeds/settings/hospital.atom", "/feeds/jobs.atom", "/feeds/news.atom", "/feeds.opml", "/health"))
                    System.out.println("  " + base + feed);
                if (s.digestsSent() == 0)
                    System.out.println("  (no new digest: the demo subscriber already had today's, or nothing new matched;"
                            + " delete " + dataDir + " and " + outbox + " to start over)");
                if (once) return 0;
                System.out.println("Running; Ctrl-C stops it.");
                Runtime.getRuntime().addShutdownHook(new Thread(pipeline::close, "shutdown"));
                pipeline.runForever();
            }
        }
        return 0;
    }
}
