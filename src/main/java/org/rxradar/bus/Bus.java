package org.rxradar.bus;

import org.rxradar.config.RxRadarConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection to Kafka for one run: the configured brokers, or an embedded one when none are
 * configured. Creates the topics on open. Closing it stops the embedded broker, if any.
 */
public final class Bus implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Bus.class);

    private final EmbeddedKafka embedded;
    private final KafkaClients clients;

    private Bus(EmbeddedKafka embedded, KafkaClients clients) {
        this.embedded = embedded;
        this.clients = clients;
    }

    public static Bus open(RxRadarConfig.Kafka cfg) {
        EmbeddedKafka embedded = null;
        String servers = cfg.bootstrapServers();
        if (cfg.useEmbedded()) {
            embedded = EmbeddedKafka.start(cfg.embedded(), cfg.partitions());
            servers = embedded.bootstrapServers();
        } else {
            log.info("Using Kafka at {}", servers);
        }
        KafkaClients clients = new KafkaClients(servers, cfg.groupPrefix(), cfg.properties());
        try {
            TopicAdmin.ensureTopics(clients, cfg.partitions(), cfg.useEmbedded() ? 1 : cfg.replicationFactor());
        } catch (RuntimeException e) {
            if (embedded != null) embedded.close();
            throw e;
        }
        return new Bus(embedded, clients);
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
