package org.rxradar.bus;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
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
 *
 * <p>The clients of one instance among several sharing a cluster: built with this instance's id
 * ({@code instance.id}), group consumers are static members ({@code group.instance.id =
 * <instance.id>.<stage>}) and transactional ids are {@code <group prefix>-<stage>-<instance.id>}
 * ({@code rxradar-tagger-a}), so two instances never fence each other and a second process with the
 * same id fences the first. Without an id (tools, benchmarks, some tests) consumers are dynamic
 * members and a stage must name its transactional id itself.
 */
public final class KafkaClients {
    /**
     * How long the group waits for a member that stopped heartbeating (a killed instance) before its
     * partitions move to the others. Static members keep their partitions across a restart shorter
     * than this; a clean stop leaves the group at once ({@link #closeLeavingGroup}).
     */
    public static final Duration SESSION_TIMEOUT = Duration.ofSeconds(15);
    /**
     * How long a transaction may stay open before the broker aborts it: a killed instance's open
     * transaction holds back {@code read_committed} readers of its output (and the offsets of its
     * partitions for their next owner) until then, so it matches the session timeout. A batch's
     * transaction takes well under a second.
     */
    public static final Duration TRANSACTION_TIMEOUT = SESSION_TIMEOUT;

    /**
     * Memory bounds of one client, so a dozen of them and the embedded broker fit a small heap: a
     * producer's buffer for records not yet sent (Kafka's default 32 MB; a full buffer makes send
     * wait, never fail), and the most a consumer's fetch brings back at once (default 50 MB). Both
     * are far above one record's 1 MB limit; client properties in the configuration override them.
     */
    static final long PRODUCER_BUFFER = 16L * 1024 * 1024;
    static final int FETCH_MAX = 8 * 1024 * 1024;
    /**
     * A transactional producer's wait before retrying a request the coordinator answered with
     * {@code CONCURRENT_TRANSACTIONS}: {@code commitTransaction()} returns before the broker has
     * finished the commit, so the next transaction's first record and its {@code sendOffsetsToTransaction}
     * are refused for a few milliseconds and retried after {@code retry.backoff.ms}. Kafka's default
     * (100 ms) made every transaction of a stage that commits back to back last 100 ms or more (the
     * fetch writer: eight workers' polls per transaction, 12 s of a 1,000-source pass spent waiting);
     * other errors still back off exponentially up to {@code retry.backoff.max.ms} (1 s). Client
     * properties in the configuration override it.
     */
    static final int TRANSACTION_RETRY_BACKOFF_MS = 10;

    private final String bootstrapServers;
    private final String groupPrefix;
    private final Map<String, String> extra;
    private final String instanceId;
    private final Ownership ownership;

    /** Clients without an instance identity: dynamic group membership (tools, benchmarks). */
    public KafkaClients(String bootstrapServers, String groupPrefix, Map<String, String> extra) {
        this(bootstrapServers, groupPrefix, extra, null);
    }

    /** @param instanceId this instance's id ({@code instance.id}); null for none */
    public KafkaClients(String bootstrapServers, String groupPrefix, Map<String, String> extra, String instanceId) {
        if (bootstrapServers == null || bootstrapServers.isBlank())
            throw new IllegalArgumentException("bootstrapServers must be set");
        if (instanceId != null && instanceId.isBlank()) throw new IllegalArgumentException("instanceId must not be blank");
        this.bootstrapServers = bootstrapServers;
        this.groupPrefix = groupPrefix;
        this.extra = Map.copyOf(extra);
        this.instanceId = instanceId;
        this.ownership = new Ownership(instanceId);
    }

    /** The same brokers and settings as another instance {@code id} would use (tests run several in one JVM). */
    public KafkaClients withInstance(String id) {
        return new KafkaClients(bootstrapServers, groupPrefix, extra, id);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** This instance's id; null when these clients were built without one. */
    public String instanceId() {
        return instanceId;
    }

    /** What this instance owns, for {@code /health}; stages update it from their rebalance listeners. */
    public Ownership ownership() {
        return ownership;
    }

    /**
     * The transactional id of this instance's {@code stage}: {@code <group prefix>-<stage>-<instance.id>},
     * {@code rxradar-tagger-a} by default. One per instance and stage, stable across restarts: a
     * restarted instance fences its own former self (aborting what it left open), never another.
     *
     * @throws IllegalStateException when these clients have no instance id
     */
    public String transactionalId(String stage) {
        if (instanceId == null) throw new IllegalStateException("a transactional id needs an instance id (instance.id)");
        return groupPrefix + "-" + stage + "-" + instanceId;
    }

    /** The static member id of this instance in {@code stage}'s group, {@code <instance.id>.<stage>}; null without an id. */
    public String groupInstanceId(String stage) {
        return instanceId == null ? null : instanceId + "." + stage;
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
        p.putIfAbsent(ProducerConfig.BUFFER_MEMORY_CONFIG, PRODUCER_BUFFER);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(p);
    }

    /** A transactional producer: output and consumed offsets commit together (exactly once). */
    public KafkaProducer<String, byte[]> transactionalProducer(String transactionalId) {
        Map<String, Object> p = common();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId); // fences a zombie instance with the same id
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis()); // a killed instance's open one is aborted soon
        p.putIfAbsent(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, TRANSACTION_RETRY_BACKOFF_MS); // back-to-back transactions
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.putIfAbsent(ProducerConfig.BUFFER_MEMORY_CONFIG, PRODUCER_BUFFER);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(p);
    }

    /**
     * A consumer in the stage's group that commits only after processing (auto-commit off), and
     * reads only committed transactional output. With an instance id it is a static member; close it
     * with {@link #closeLeavingGroup} on a clean stop.
     */
    public KafkaConsumer<String, byte[]> consumer(String stage, String clientId) {
        return consumer(stage, clientId, Map.of());
    }

    /**
     * {@link #consumer(String, String)} with some of its properties replaced: a stage that needs
     * another assignment than the cooperative-sticky spread (the trend stage's single owner) sets
     * its own {@code partition.assignment.strategy} here, and only for its own consumer.
     */
    public KafkaConsumer<String, byte[]> consumer(String stage, String clientId, Map<String, Object> overrides) {
        Map<String, Object> p = common();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId(stage));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        // static membership: a restart within the session timeout keeps this instance's partitions, and a
        // second process with the same instance id is fenced (FencedInstanceIdException) rather than let in
        if (instanceId != null) p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupInstanceId(stage));
        // a rebalance moves only the partitions that change owner; the others keep being processed
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of(CooperativeStickyAssignor.class.getName()));
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis()); // a killed instance's work moves within this
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis() / 5);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);      // commit after processing, never before
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");  // a new group reads the whole topic
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // aborted transactions are never seen
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        p.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_MAX);
        // closing ends the fetch session with one more fetch, which the broker holds up to
        // fetch.max.wait.ms when nothing is new: with Kafka's 500 ms every stage's stop waited that long,
        // one after another; a shorter wait costs an idle consumer a few more empty fetches a second
        p.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, GROUP_FETCH_MAX_WAIT_MS);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.putAll(overrides);
        return new KafkaConsumer<>(p);
    }

    /**
     * Closes a group consumer on a clean stop, leaving its group at once so that its partitions move
     * to the other instances now rather than after {@link #SESSION_TIMEOUT} (a static member would
     * otherwise be waited for). Never throws: a consumer that cannot leave (the broker gone) is
     * closed anyway and the group notices after the session timeout.
     */
    public static void closeLeavingGroup(Consumer<?, ?> consumer, Duration timeout) {
        try {
            consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(timeout));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(KafkaClients.class).debug("consumer close: {}", e.toString());
        }
    }

    /**
     * A reader commits nothing, so its close need not wait for anything; given time, it waits for
     * the broker to answer the request that ends its fetch session, which the broker holds for
     * {@code fetch.max.wait.ms} (500 ms): half a second per view at every stop. The broker drops
     * the session on its own.
     */
    public static final Duration READER_CLOSE = Duration.ZERO;

    /** How long the broker may hold a group consumer's fetch when nothing is new (Kafka's default: 500 ms); see {@link #consumer}. */
    static final int GROUP_FETCH_MAX_WAIT_MS = 100;

    /** A consumer outside any group, for reading a topic from a chosen position (views, rebuilds). */
    public KafkaConsumer<String, byte[]> reader(String clientId) {
        return reader(clientId, Map.of());
    }

    /** {@link #reader(String)} with some of its properties replaced (a short {@code fetch.max.wait.ms} for a reader that only looks). */
    public KafkaConsumer<String, byte[]> reader(String clientId, Map<String, Object> overrides) {
        Map<String, Object> p = common();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_MAX);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.putAll(overrides);
        return new KafkaConsumer<>(p);
    }
}
