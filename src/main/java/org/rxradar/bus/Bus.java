package org.rxradar.bus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.rxradar.config.RxRadarConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection to Kafka for one run: the configured brokers, or an embedded one when none are
 * configured. Creates the topics on open. Closing it stops the embedded broker, if any.
 */
public final class Bus implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Bus.class);
    /** How long a command waits for a starting RxRadar to publish its broker's address. */
    private static final Duration OWNER_START = Duration.ofSeconds(90);

    private final EmbeddedKafka embedded;
    private final KafkaClients clients;

    private Bus(EmbeddedKafka embedded, KafkaClients clients) {
        this.embedded = embedded;
        this.clients = clients;
    }

    /**
     * For the process that runs the pipeline, as one instance among those sharing the cluster: its
     * clients carry {@code instance}'s id (static group membership, transactional ids; see
     * {@link KafkaClients}).
     *
     * @throws DataDirInUseException when another process runs on the embedded broker's directory
     */
    public static Bus open(RxRadarConfig.Kafka cfg, RxRadarConfig.Instance instance) {
        return open(cfg, instance.id());
    }

    /**
     * The configured brokers, or an embedded broker on the configured data directory, which it locks;
     * clients without an instance identity (tools, benchmarks).
     *
     * @throws DataDirInUseException when another process runs on that directory
     */
    public static Bus open(RxRadarConfig.Kafka cfg) {
        return open(cfg, (String) null);
    }

    private static Bus open(RxRadarConfig.Kafka cfg, String instanceId) {
        EmbeddedKafka embedded = null;
        String servers = cfg.bootstrapServers();
        if (cfg.useEmbedded()) {
            embedded = EmbeddedKafka.start(cfg.embedded(), cfg.partitions());
            servers = embedded.bootstrapServers();
        } else {
            log.info("Using Kafka at {}", servers);
        }
        return withTopics(cfg, embedded, servers, cfg.useEmbedded() ? 1 : cfg.replicationFactor(), instanceId);
    }

    /**
     * For a command that reads or changes what a pipeline keeps (subscribers, trends, digests): the
     * configured brokers; else, when an RxRadar runs on the embedded data directory, that process's
     * broker (read from the address it published there); else an embedded broker started on the
     * directory for this command alone. {@code say} is told which, in one line.
     */
    public static Bus attach(RxRadarConfig.Kafka cfg, Consumer<String> say) {
        if (!cfg.useEmbedded()) {
            say.accept("reading Kafka at " + cfg.bootstrapServers());
            return withTopics(cfg, null, cfg.bootstrapServers(), cfg.replicationFactor(), null);
        }
        Path dir = Path.of(cfg.embedded().dataDir()).toAbsolutePath().normalize();
        long deadline = System.nanoTime() + OWNER_START.toNanos();
        boolean waitingSaid = false;
        while (true) {
            Optional<DataDirLock.Owner> owner = DataDirLock.owner(dir);
            if (owner.isPresent()) {
                DataDirLock.Owner o = owner.get();
                if (o.bootstrapServers().isPresent()) {
                    String servers = o.bootstrapServers().get();
                    say.accept("reading the broker of the RxRadar running on " + o.dir() + " (process " + o.pid() + ") at " + servers);
                    return withTopics(cfg, null, servers, (short) 1, null);
                }
                if (System.nanoTime() > deadline)
                    throw new BusException("process " + o.pid() + " holds " + o.dir() + " but has published no broker address in "
                            + OWNER_START.toSeconds() + "s; pass its broker with --bootstrap HOST:PORT");
                if (!waitingSaid) log.info("Waiting for process {} to start its broker on {}", o.pid(), o.dir());
                waitingSaid = true;
                sleep(200);
                continue;
            }
            DataDirLock lock;
            try {
                lock = DataDirLock.acquire(dir);
            } catch (DataDirInUseException e) {
                continue; // a pipeline took the directory meanwhile: read its broker
            }
            EmbeddedKafka embedded = EmbeddedKafka.start(cfg.embedded(), cfg.partitions(), lock);
            say.accept("no RxRadar is running on " + lock.dir() + ": reading its data through a broker started for this command at "
                    + embedded.bootstrapServers());
            return withTopics(cfg, embedded, embedded.bootstrapServers(), (short) 1, null);
        }
    }

    private static Bus withTopics(RxRadarConfig.Kafka cfg, EmbeddedKafka embedded, String servers, short replication, String instanceId) {
        KafkaClients clients = new KafkaClients(servers, cfg.groupPrefix(), cfg.properties(), instanceId);
        try {
            TopicAdmin.ensureTopics(clients, cfg.partitions(), replication);
        } catch (RuntimeException e) {
            if (embedded != null) embedded.close();
            throw e;
        }
        return new Bus(embedded, clients);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusException("interrupted while waiting for a running RxRadar's broker", e);
        }
    }

    public KafkaClients clients() {
        return clients;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) embedded.close();
    }
}
