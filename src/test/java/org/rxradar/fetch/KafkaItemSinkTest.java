package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rxradar.bus.Bus;
import org.rxradar.bus.BusException;
import org.rxradar.bus.DeadLetters;
import org.rxradar.bus.Topics;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Item;
import org.rxradar.model.Kind;

/** Against a real (embedded) broker: flushOwn() returns once the calling thread's items are in Kafka, and reports a refused one. */
class KafkaItemSinkTest {
    private static Path dir;
    private static Bus bus;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("rxradar-sink-test");
        bus = Bus.open(new RxRadarConfig.Kafka(null, 1, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()),
                "sink-test", null));
    }

    @AfterAll
    static void stop() throws Exception {
        if (bus != null) bus.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Item item(String id, String summary) {
        Instant now = Instant.parse("2026-11-24T05:00:00Z");
        return new Item(Item.VERSION, id, Kind.NEWS, "sink-test", "http://example.org/" + id, "title " + id, summary,
                now, false, now, null, null, null, null);
    }

    @Test
    void eachThreadsItemsAreStoredWhenItsFlushOwnReturns() throws Exception {
        Set<String> expected = new HashSet<>();
        try (KafkaItemSink sink = new KafkaItemSink(bus.clients())) {
            ExecutorService threads = Executors.newFixedThreadPool(3);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 20; i++) ids.add("own-" + t + "-" + i);
                expected.addAll(ids);
                done.add(threads.submit(() -> {
                    for (String id : ids) sink.publish(item(id, "summary"));
                    sink.flushOwn();
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
            threads.shutdown();
            assertThat(sink.publishedCount()).isEqualTo(60); // acknowledged, by the callbacks, before flushOwn returned
        }
        Set<String> read = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = bus.clients().consumer("sink-test-reader", "sink-test-reader")) {
            consumer.subscribe(List.of(Topics.NEWS_RAW));
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!read.containsAll(expected) && System.nanoTime() < until) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) read.add(r.key());
            }
        }
        assertThat(read).containsAll(expected);
    }

    @Test
    void aRefusedItemMakesFlushOwnThrowOnceAndTheSinkStaysUsable() {
        try (KafkaItemSink sink = new KafkaItemSink(bus.clients())) {
            // a key beyond the producer's max.request.size (ids are 64 hex digits; text is cut, see below)
            sink.publish(item("k".repeat(2 * 1024 * 1024), "x"));
            assertThatThrownBy(sink::flushOwn).isInstanceOf(BusException.class).hasMessageContaining("publishing items failed");
            sink.publish(item("fine-after", "ok"));
            sink.flushOwn();
            sink.flush(); // the failure was reported once, by flushOwn
        }
    }

    @Test
    void anItemOverTheLimitHasItsTextCutOrIsDeadLetteredWithTheReason() throws Exception {
        String hugeSummary = "Hospital pharmacy technician, IV room. ".repeat(10_000); // 390 KB
        Item huge = item("huge-summary", hugeSummary);
        Item hugeUrl = new Item(Item.VERSION, "huge-url", Kind.NEWS, "sink-test", "http://example.org/" + "p".repeat(400_000), "title",
                "summary", huge.published(), false, huge.fetched(), null, null, null, null);
        try (KafkaItemSink sink = new KafkaItemSink(bus.clients())) {
            sink.publish(huge);
            sink.publish(hugeUrl);
            sink.flushOwn();
            assertThat(sink.publishedCount()).isEqualTo(1);
            assertThat(sink.deadLetteredCount()).isEqualTo(1);
        }
        List<ConsumerRecord<String, byte[]>> raw = readAll(Topics.NEWS_RAW, Set.of("huge-summary", "huge-url"));
        assertThat(raw).hasSize(1);
        assertThat(raw.get(0).value().length).isLessThanOrEqualTo(KafkaItemSink.MAX_ITEM_BYTES);
        Item published = org.rxradar.model.Json.read(raw.get(0).value(), Item.class);
        assertThat(published.summary()).hasSizeLessThanOrEqualTo(TextCleaner.MAX_SUMMARY + 1).startsWith("Hospital pharmacy technician");

        List<ConsumerRecord<String, byte[]>> dead = readAll(Topics.DEADLETTER, Set.of("huge-url"));
        assertThat(dead).hasSize(1);
        assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.ERROR)).startsWith("raw item too large");
        assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.STAGE)).isEqualTo("fetch");
        assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.ORIGIN_TOPIC)).isEqualTo(Topics.NEWS_RAW);
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, Set<String> keys) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = bus.clients().reader("sink-test-check")) {
            List<org.apache.kafka.common.TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            var end = c.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 30_000;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) if (keys.contains(r.key())) out.add(r);
            }
        }
        return out;
    }
}
