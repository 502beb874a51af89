package org.rxradar.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.config.RxRadarConfig;

/**
 * The poll loop shared by the tag and trend stages, on a real broker: each kind of exception is
 * handled as Kafka's examples do. No valid offset: read from the earliest record; a batch that
 * fails: read again from the last commit and counted until one completes; fatal: stop and say why;
 * anything else (a bug): stop too.
 */
class PollLoopIT {
    private static final String TOPIC = Topics.NEWS_RAW;
    @TempDir
    static Path dir;
    static Bus bus;

    @BeforeAll
    static void startBroker() throws Exception {
        bus = Bus.open(new RxRadarConfig.Kafka("", 1, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()), "it", null));
        try (KafkaProducer<String, byte[]> producer = bus.clients().producer("it")) {
            for (int i = 0; i < 5; i++) producer.send(new ProducerRecord<>(TOPIC, "k" + i, ("v" + i).getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    @AfterAll
    static void stopBroker() {
        bus.close();
    }

    /** A consumer of its own group that commits after processing; {@code reset} is its auto.offset.reset. */
    private static KafkaConsumer<String, byte[]> consumer(String group, String reset) {
        Map<String, Object> p = bus.clients().common();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, bus.clients().groupId(group));
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(TOPIC));
        return consumer;
    }

    @Test
    void noValidOffsetReadsFromTheEarliestRecord() {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer("no-offset", "none")) {
            StageHealth health = new StageHealth("test");
            PollLoop loop = new PollLoop("test", consumer, records -> {
                records.forEach(r -> seen.add(r.key()));
                consumer.commitSync();
            }, health);
            loop.drain(List.of(TOPIC), Duration.ofSeconds(60)); // without the reset: NoOffsetForPartitionException
            assertThat(seen).containsExactly("k0", "k1", "k2", "k3", "k4");
            assertThat(health.state().failuresInRow()).isZero();
        }
    }

    @Test
    void aFailedBatchIsReadAgainFromTheLastCommitAndCountedUntilOneCompletes() {
        AtomicInteger attempts = new AtomicInteger();
        List<Integer> failuresSeen = new ArrayList<>();
        List<String> processed = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer("retry", "earliest")) {
            StageHealth health = new StageHealth("test");
            PollLoop loop = new PollLoop("test", consumer, (ConsumerRecords<String, byte[]> records) -> {
                failuresSeen.add(health.state().failuresInRow());
                if (attempts.incrementAndGet() <= 3) throw new KafkaException("broker said no (" + attempts.get() + ")");
                records.forEach(r -> processed.add(r.key()));
                consumer.commitSync();
            }, health);
            loop.drain(List.of(TOPIC), Duration.ofSeconds(60));
            assertThat(failuresSeen).startsWith(0, 1, 2, 3);
            assertThat(processed).containsExactly("k0", "k1", "k2", "k3", "k4"); // the failed records were read again, none skipped
            assertThat(health.state().failuresInRow()).isZero();
            assertThat(health.state().lastError()).isEqualTo("broker said no (3)");
        }
    }

    @Test
    void aFatalErrorStopsTheStageAndSaysWhy() throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = consumer("fatal", "earliest")) {
            StageHealth health = new StageHealth("test");
            PollLoop loop = new PollLoop("test", consumer, records -> {
                throw new KafkaException("cannot send", new TopicAuthorizationException("Not authorized to access topics: [rxradar.items.tagged]"));
            }, health);
            Thread running = new Thread(() -> loop.run(Duration.ofMillis(200)));
            running.start();
            running.join(60_000);
            assertThat(running.isAlive()).isFalse();
            assertThat(health.state().failing()).isTrue();
            assertThat(health.state().describe()).isEqualTo("stopped: not authorised: cannot send: Not authorized to access topics: [rxradar.items.tagged]");
        }
    }

    @Test
    void anythingElseStopsTheStageToo() {
        try (KafkaConsumer<String, byte[]> consumer = consumer("bug", "earliest")) {
            StageHealth health = new StageHealth("test");
            PollLoop loop = new PollLoop("test", consumer, records -> {
                throw new IllegalStateException("a bug");
            }, health);
            assertThatThrownBy(() -> loop.drain(List.of(TOPIC), Duration.ofSeconds(60)))
                    .isInstanceOf(PollLoop.StageStoppedException.class).hasMessage("test stopped: unexpected error: a bug");
            assertThat(health.state().stopped()).isEqualTo("unexpected error: a bug");
        }
    }
}
