package org.rxradar.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.StageHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What readiness rests on, checked in the background every {@code interval} so that
 * {@code /health} answers from memory and never waits on the network: is the broker reachable
 * (Admin {@code describeCluster}), does the tagger's consumer group have members with partitions
 * assigned, and how far behind the raw topics is it (end offsets minus committed offsets).
 * A result older than three intervals counts as a failed check. Besides, the stages' own poll
 * loops ({@link #watching}) say whether their batches keep failing, which lag alone would show
 * only once 10,000 records had piled up.
 */
public final class ReadinessProbe implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReadinessProbe.class);
    public static final long DEFAULT_MAX_LAG = 10_000;
    private static final int CALL_TIMEOUT_MS = 5_000;

    /** One check's findings. {@code error} is null when every call succeeded. */
    public record Snapshot(Instant at, boolean brokerUp, int brokers, int members, int assignedPartitions, long lag, String error) {}

    private final Admin admin;
    private final String group;
    private final List<String> inputs;
    private final Duration interval;
    private final long maxLag;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private volatile Snapshot last;
    private volatile Instant lastBrokerUp;
    private final Map<String, StageHealth> stages = new java.util.concurrent.ConcurrentHashMap<>();
    /** The tag stage's name, as its {@link StageHealth} carries it. */
    private static final String TAGGER = "tagger";

    public ReadinessProbe(KafkaClients clients, String group, List<String> inputs, Duration interval, long maxLag, Clock clock) {
        Map<String, Object> p = clients.common();
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "rxradar-readiness");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS);
        this.admin = Admin.create(p);
        this.group = group;
        this.inputs = List.copyOf(inputs);
        this.interval = interval;
        this.maxLag = maxLag;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "readiness-probe");
            t.setDaemon(true);
            return t;
        });
    }

    public ReadinessProbe start() {
        timer.scheduleWithFixedDelay(this::checkNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Runs one check on the caller's thread (the timer calls this; tests may too). */
    public Snapshot checkNow() {
        Instant at = clock.instant();
        Snapshot s;
        int brokers;
        try {
            brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(CALL_TIMEOUT_MS)).nodes()
                    .get(CALL_TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS).size();
        } catch (Exception e) {
            s = new Snapshot(at, false, 0, 0, 0, -1, "broker unreachable: " + cause(e));
            last = s;
            log.debug("Readiness: {}", s.error());
            return s;
        }
        lastBrokerUp = at;
        try {
            int members = 0;
            int assigned = 0;
            try {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group), new DescribeConsumerGroupsOptions().timeoutMs(CALL_TIMEOUT_MS))
                        .describedGroups().get(group).get(CALL_TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS);
                members = d.members().size();
                for (MemberDescription m : d.members()) assigned += m.assignment().topicPartitions().size();
            } catch (ExecutionException e) {
                // a group that never started does not exist yet: no members, and every record is lag
                if (!(e.getCause() instanceof GroupIdNotFoundException)) throw e;
            }
            s = new Snapshot(at, true, brokers, members, assigned, lag(), null);
        } catch (Exception e) {
            s = new Snapshot(at, true, brokers, 0, 0, -1, "tagger group not readable: " + cause(e));
        }
        last = s;
        return s;
    }

    /** Messages not yet tagged: end offsets of the raw topics minus the tagger's committed offsets. */
    private long lag() throws Exception {
        Map<String, TopicDescription> topics = admin.describeTopics(inputs).allTopicNames().get(CALL_TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS);
        List<TopicPartition> parts = new ArrayList<>();
        topics.forEach((name, t) -> t.partitions().forEach(p -> parts.add(new TopicPartition(name, p.partition()))));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group, new ListConsumerGroupOffsetsOptions().timeoutMs(CALL_TIMEOUT_MS))
                .partitionsToOffsetAndMetadata().get(CALL_TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> ends = offsets(parts, OffsetSpec.latest());
        List<TopicPartition> uncommitted = parts.stream().filter(tp -> committed.get(tp) == null).toList();
        Map<TopicPartition, Long> starts = uncommitted.isEmpty() ? Map.of() : offsets(uncommitted, OffsetSpec.earliest());
        long lag = 0;
        for (TopicPartition tp : parts) {
            OffsetAndMetadata c = committed.get(tp);
            long from = c != null ? c.offset() : starts.getOrDefault(tp, 0L); // a new group starts at the earliest record
            lag += Math.max(0, ends.getOrDefault(tp, 0L) - from);
        }
        return lag;
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> parts, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        for (TopicPartition tp : parts) query.put(tp, spec);
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(query, new ListOffsetsOptions().timeoutMs(CALL_TIMEOUT_MS)).all().get(CALL_TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS)
                .forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private static String cause(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    /** The latest finding, or null before the first check ends. */
    public Snapshot last() {
        return last;
    }

    /** The tagger's lag from the latest check; -1 when unknown (gauge value). */
    public double lastLag() {
        Snapshot s = last;
        return s == null ? -1 : s.lag();
    }

    private boolean stale(Instant at) {
        return at == null || at.isBefore(clock.instant().minus(interval.multipliedBy(3)));
    }

    /** Readiness of the broker connection. */
    public HealthStatus.Component broker() {
        Snapshot s = last;
        if (s == null) return HealthStatus.Component.down("kafka", "not checked yet");
        if (!s.brokerUp()) return HealthStatus.Component.down("kafka", s.error());
        if (stale(lastBrokerUp)) return HealthStatus.Component.down("kafka", "no successful check since " + lastBrokerUp);
        return HealthStatus.Component.up("kafka", s.brokers() + " broker(s) reachable, checked " + s.at());
    }

    /**
     * Readiness of the tagger: its loop not failing (when {@link #watching watched}), members with
     * partitions assigned and lag at most the bound.
     *
     * @param running false while no tagger loop runs in this process (one-pass runs): nothing to wait for
     */
    public HealthStatus.Component tagger(boolean running) {
        StageHealth.State loop = stageState(TAGGER);
        if (loop != null && loop.failing()) return HealthStatus.Component.down(TAGGER, loop.describe());
        if (!running) return HealthStatus.Component.up("tagger", "idle");
        Snapshot s = last;
        if (s == null) return HealthStatus.Component.down("tagger", "not checked yet");
        if (!s.brokerUp() || s.error() != null) return HealthStatus.Component.down("tagger", s.error());
        if (stale(s.at())) return HealthStatus.Component.down("tagger", "no check since " + s.at());
        if (s.members() == 0 || s.assignedPartitions() == 0)
            return HealthStatus.Component.down("tagger", "consumer group " + group + " has no partitions assigned yet");
        String detail = s.members() + " member(s), " + s.assignedPartitions() + " partition(s), lag " + s.lag();
        if (s.lag() > maxLag) return HealthStatus.Component.down("tagger", detail + " > " + maxLag);
        return HealthStatus.Component.up("tagger", detail + " <= " + maxLag);
    }

    /**
     * Watches the poll loops of the stages this process runs, so that readiness reports a stage that
     * is failing (batches aborted in a row, with the last error) or has stopped (fenced, not
     * authorised), not only the tagger's lag. The tagger's loop is the one named {@code tagger}.
     */
    public ReadinessProbe watching(StageHealth... loops) {
        for (StageHealth h : loops) stages.put(h.stage(), h);
        return this;
    }

    /**
     * Readiness of a watched stage other than the tagger: down while it fails (at least
     * {@link StageHealth#FAILING_AFTER} batches in a row) or once it has stopped, saying why.
     *
     * @param running false while the stage's loop does not run in this process (one-pass runs)
     */
    public HealthStatus.Component stage(String name, boolean running) {
        StageHealth.State loop = stageState(name);
        if (loop != null && loop.failing()) return HealthStatus.Component.down(name, loop.describe());
        if (!running) return HealthStatus.Component.up(name, "idle");
        return HealthStatus.Component.up(name, loop == null ? "running" : loop.describe());
    }

    private StageHealth.State stageState(String name) {
        StageHealth h = stages.get(name);
        return h == null ? null : h.state();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }

}
