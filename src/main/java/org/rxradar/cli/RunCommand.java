package org.rxradar.cli;

import java.util.concurrent.Callable;
import org.rxradar.app.Pipeline;
import org.rxradar.config.RxRadarConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Run the whole pipeline (the main job).",
                "",
                "Fetches the configured sources on their intervals, tags every item, sends each subscriber's digest "
                        + "at their send time, and serves feeds, trends and /health over HTTP. Uses an embedded Kafka "
                        + "broker (data in ./data/kafka) unless kafka.bootstrap-servers is set.",
                "",
                "Environment variables override config keys: RXRADAR_HTTP_PORT, RXRADAR_KAFKA_BOOTSTRAP_SERVERS, "
                        + "RXRADAR_MAIL_SMTP_HOST, ... (the key's path, upper-cased, with '_' for '.' and '-')."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (with --once: every digest written or sent)", "2:configuration error", "3:Kafka unreachable or refused",
                "4:the data directory is in use by another RxRadar (process id in the message)",
                "5:another process runs with this instance.id (RXRADAR_INSTANCE_ID) and took over a stage"})
public final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    ConfigOption config;

    @Option(names = "--once", description = "Fetch every source once, tag everything fetched, write or send one digest to every subscriber now, then exit.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        RxRadarConfig cfg = config.load();
        if (cfg.sources().isEmpty()) log.warn("No sources configured: nothing will be fetched (see config/rxradar.example.yml)");
        if (cfg.subscribers().isEmpty()) log.info("No subscribers in the config file; subscribers added earlier are kept in Kafka");
        try (Pipeline pipeline = Pipeline.open(cfg)) {
            if (once) {
                Pipeline.Summary s = pipeline.runOnce();
                System.out.printf("Fetched %d sources (%d failed), published %d new items, tagged %d, sent %d digests%n",
                        s.sources(), s.sourcesFailed(), s.itemsPublished(), s.itemsTagged(), s.digestsSent());
                return 0;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(pipeline::close, "shutdown"));
            log.info("RxRadar running; Ctrl-C stops it");
            pipeline.runForever();
        }
        return 0;
    }
}
