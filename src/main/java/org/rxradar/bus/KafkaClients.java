package org.rxradar.bus;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds every Kafka client from one place, each property with the reason it is set.
 * Keys are strings, values raw bytes: stages parse values themselves so that a record that does
 * not parse can go to the dead-letter topic with its original bytes.
 */
public final class KafkaClients {
    private final String bootstrapServers;
    private final String groupPrefix;
    private final Map<String, String> extra;

    public KafkaClients(String bootstrapServers, String groupPrefix, Map<String, String> extra) {
        if (bootstrapServers == null || bootstrapServers.isBlank())
            throw new IllegalArgumentException("bootstrapServers must be set");
        this.bootstrapServers = bootstrapServers;
        this.groupPrefix = groupPrefix;
        this.extra = Map.copyOf(extra);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String groupId(String stage) {
        return groupPrefix + "." + stage;
    }

    /**
     * The largest record the producers send, {@code max.request.size}: Kafka's default (1 MB) unless
     * the configuration's client properties set it. Stages check records against it before sending.
     */
    public int maxRequestSize() {
        Object set = extra.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        if (set != null) return Integer.parseInt(String.valueOf(set).trim());
        return (Integer) ProducerConfig.configDef().defaultValues().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
    }

    public Map<String, Object> common() {
        Map<String, Object> p = new HashMap<>(extra);
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return p;
    }

    /** A producer that never loses or duplicates a record on retry. */
    public KafkaProducer<String, byte[]> producer(String clientId) {
        Map<String, Object> p = common();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");                  // a record is written when every in-sync replica has it
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);     // retries do not duplicate
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);                 // small batches: fetch bursts, latency matters little
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");      // JSON compresses well
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(p);
    }

    /** A transactional producer: output and consumed offsets commit together (exactly once). */
    public KafkaProducer<String, byte[]> transactionalProducer(String transactionalId) {
        Map<String, Object> p = common();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId); // fences a zombie instance with the same id
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(p);
    }

    /**
     * A consumer in the stage's group that commits only after processing (auto-commit off), and
     * reads only committed transactional output.
     */
    public KafkaConsumer<String, byte[]> consumer(String stage, String clientId) {
        Map<String, Object> p = common();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId(stage));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);      // commit after processing, never before
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");  // a new group reads the whole topic
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // aborted transactions are never seen
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(p);
    }

    /** A consumer outside any group, for reading a topic from a chosen position (views, rebuilds). */
    public KafkaConsumer<String, byte[]> reader(String clientId) {
        Map<String, Object> p = common();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(p);
    }
}
