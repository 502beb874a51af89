package org.rxradar.bus;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.rxradar.config.ConfigException;
import org.rxradar.config.RxRadarConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker (broker and controller in one) inside this JVM, for the default run,
 * the demo and the tests. Listens on loopback only; its data stays under the configured directory
 * across restarts (the storage is formatted once, on first start).
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final DataDirLock lock;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, DataDirLock lock) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.lock = lock;
    }

    /**
     * Locks the data directory, formats the storage if needed, starts the broker and waits until it
     * answers.
     *
     * @throws DataDirInUseException when another process runs on the directory; nothing was touched then
     */
    public static EmbeddedKafka start(RxRadarConfig.Embedded cfg, int defaultPartitions) {
        Path logDir = Path.of(cfg.dataDir()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new ConfigException("kafka.embedded.data-dir", "cannot create " + logDir + ": " + e.getMessage());
        }
        return start(cfg, defaultPartitions, DataDirLock.acquire(logDir));
    }

    /** Starts on a directory already locked by the caller; the broker releases the lock when it stops. */
    public static EmbeddedKafka start(RxRadarConfig.Embedded cfg, int defaultPartitions, DataDirLock lock) {
        EmbeddedKafka kafka;
        try {
            kafka = startLocked(cfg, defaultPartitions, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        try {
            lock.publishAddress(kafka.bootstrapServers());
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    // called with the lock held: a second process on this directory must not even format it or bind its ports
    private static EmbeddedKafka startLocked(RxRadarConfig.Embedded cfg, int defaultPartitions, DataDirLock lock) {
        Path logDir = lock.dir();
        int port = resolvePort(cfg.port(), "kafka.embedded.port");
        int controllerPort = resolvePort(cfg.controllerPort(), "kafka.embedded.controller-port");

        Properties props = brokerProperties(port, controllerPort, logDir, defaultPartitions);
        format(logDir);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        String bootstrap = HOST + ":" + port;
        try {
            server.startup();
        } catch (RuntimeException e) {
            shutdownQuietly(server);
            throw new BusException("embedded Kafka broker failed to start on " + bootstrap + ": " + e.getMessage(), e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(server, bootstrap, lock);
        kafka.awaitReady();
        log.info("Embedded Kafka broker listening on {} (data in {})", bootstrap, logDir);
        return kafka;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private static Properties brokerProperties(int port, int controllerPort, Path logDir, int partitions) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", String.valueOf(partitions));
        // one node: every internal topic has one replica
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0"); // no point waiting for other members on one node
        p.put("log.flush.interval.messages", "1000");
        p.put("auto.create.topics.enable", "false");     // topics are created by TopicAdmin with their settings
        // controlled shutdown moves partition leaders to other brokers: there are none, and waiting
        // for it held the process at Ctrl-C; logs are still flushed and closed cleanly
        p.put("controlled.shutdown.enable", "false");
        // sized for one small server, not a cluster node: the embedded broker shares the process's heap.
        // The log cleaner's dedupe buffer (128 MB by default, allocated whole) is the large item; index
        // files are memory-mapped, so smaller ones touch fewer pages. The I/O threads stay at Kafka's 8:
        // they also wait on the flushes (log.flush.interval.messages), and with 2 the tag stage's
        // transactions queued behind them (bench tag half as fast).
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.put("log.cleaner.io.buffer.size", String.valueOf(256 * 1024));
        p.put("log.cleaner.threads", "1");
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("queued.max.requests", "100");
        p.put("offsets.load.buffer.size", String.valueOf(1024 * 1024));
        p.put("transaction.state.log.load.buffer.size", String.valueOf(1024 * 1024));
        p.put("transaction.state.log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        p.put("offsets.topic.segment.bytes", String.valueOf(16 * 1024 * 1024));
        return p;
    }

    /** Formats the log directory on first start; an already formatted one is kept as it is. */
    private static void format(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) return;
        try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(quiet)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new BusException("cannot format embedded Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
    }

    /** Port 0 picks a free one; a taken port is a configuration error naming the key to change. */
    private static int resolvePort(int configured, String key) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), configured));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ConfigException(key, "port " + configured + " on " + HOST + " is already in use; set " + key
                    + " (environment " + envName(key) + ") to a free port, or kafka.bootstrap-servers to use a running broker");
        }
    }

    private static String envName(String key) {
        return "RXRADAR_" + key.toUpperCase().replace('.', '_').replace('-', '_');
    }

    private void awaitReady() {
        Map<String, Object> conf = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Admin admin = Admin.create(conf)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) return;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        shutdownQuietly(server);
                        throw new BusException("embedded Kafka broker did not become ready on " + bootstrapServers + " within 60s", e);
                    }
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusException("interrupted while waiting for the embedded broker", e);
        }
    }

    /** Stops the broker, then releases its data directory (not before: its log is closed by then). */
    @Override
    public void close() {
        shutdownQuietly(server);
        lock.close();
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Embedded Kafka broker did not shut down cleanly: {}", e.toString());
        }
    }
}
