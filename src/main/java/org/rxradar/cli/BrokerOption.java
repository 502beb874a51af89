package org.rxradar.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rxradar.bus.Bus;
import org.rxradar.bus.DataDirLock;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.demo.DemoSetup;
import picocli.CommandLine.Option;

/**
 * Which Kafka a command reads: {@code --bootstrap}, else {@code --data-dir}, else the configured
 * one. With an embedded broker, a command run while RxRadar runs reads that process's broker (the
 * running one holds the directory's lock), and a running demo is found in its own directory when
 * the default one holds no data of {@code run}'s; the command says which on standard error, in one
 * line.
 */
public final class BrokerOption {
    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka to read (default: kafka.bootstrap-servers; else the broker of the RxRadar running on the data directory).")
    String bootstrap;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory of the RxRadar to read: run's ./data or demo's ./data/demo (its broker's data in DIR/kafka). "
                    + "Default: kafka.embedded.data-dir, or a running demo's when no run is running.")
    Path dataDir;

    /** Opens the bus this command reads, and says which on {@code err}. */
    Bus open(RxRadarConfig cfg, PrintWriter err) {
        return Bus.attach(target(cfg.kafka(), err), line -> {
            err.println("rxradar: " + line);
            err.flush();
        });
    }

    RxRadarConfig.Kafka target(RxRadarConfig.Kafka kafka, PrintWriter err) {
        if (bootstrap != null && !bootstrap.isBlank())
            return new RxRadarConfig.Kafka(bootstrap, kafka.partitions(), kafka.replicationFactor(), kafka.embedded(),
                    kafka.groupPrefix(), kafka.properties());
        if (dataDir != null) return embeddedOn(kafka, brokerDir(dataDir));
        if (!kafka.useEmbedded()) return kafka;
        Path configured = Path.of(kafka.embedded().dataDir());
        Path demo = DemoSetup.kafkaDir(Path.of(DemoSetup.DEFAULT_DATA_DIR));
        // `demo` then `subscribers list` in another terminal: with no `run` data on the default directory, read the demo;
        // when `run` has data there, that is what is read, and the demo is pointed to
        boolean defaultDir = configured.normalize().equals(Path.of(RxRadarConfig.Embedded.DEFAULT_DATA_DIR).normalize());
        if (defaultDir && DataDirLock.owner(configured).isEmpty() && DataDirLock.owner(demo).isPresent()) {
            if (!Files.exists(configured.resolve("meta.properties"))) return embeddedOn(kafka, demo);
            err.println("rxradar: a demo is running on " + demo + "; --data-dir " + DemoSetup.DEFAULT_DATA_DIR + " reads it");
        }
        return kafka;
    }

    /** {@code DIR/kafka}, or DIR itself when it is a broker's data directory already. */
    static Path brokerDir(Path dir) {
        if (Files.exists(dir.resolve(DataDirLock.LOCK_FILE)) || Files.exists(dir.resolve("meta.properties"))) return dir;
        return dir.resolve("kafka");
    }

    private static RxRadarConfig.Kafka embeddedOn(RxRadarConfig.Kafka kafka, Path dir) {
        RxRadarConfig.Embedded e = kafka.embedded();
        return new RxRadarConfig.Kafka("", kafka.partitions(), kafka.replicationFactor(),
                new RxRadarConfig.Embedded(e.port(), e.controllerPort(), dir.toString()), kafka.groupPrefix(), kafka.properties());
    }
}
