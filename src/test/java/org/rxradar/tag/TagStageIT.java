package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.bus.DeadLetters;
import org.rxradar.bus.Topics;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Item;
import org.rxradar.model.Json;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.TaggedItem;

/**
 * The tag stage on the real embedded broker: a crash in the middle of a batch neither loses nor
 * duplicates a tagged item, and a poison record goes to the dead-letter topic once, with its
 * original bytes, while processing continues.
 */
class TagStageIT {
    @TempDir
    static Path dir;
    static Bus bus;

    @BeforeAll
    static void startBroker() {
        bus = Bus.open(new RxRadarConfig.Kafka("", 3, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()), "it", null));
    }

    @AfterAll
    static void stopBroker() {
        bus.close();
    }

    /** A trivial tagging function: the stage's guarantees do not depend on what tagging does. */
    private static TaggedItem label(Item i) {
        return new TaggedItem(TaggedItem.VERSION, i.id(), i.kind(), i.source(), i.url(), i.title(), i.summary(), i.published(),
                i.publishedEstimated(), i.fetched(), i.updated(), i.employer(), Place.unknown(i.location()), List.of("hospital"),
                List.of(), Map.of(), Map.of(), true, null, List.of(), null, List.of(), null, Instant.now());
    }

    @Test
    void crashMidBatchThenRestartGivesEveryItemExactlyOnce() throws Exception {
        int n = 300;
        byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = bus.clients().producer("it-raw")) {
            for (int i = 0; i < n; i++) {
                Item item = new Item(1, "item-" + i, i % 2 == 0 ? Kind.JOB : Kind.NEWS, "it", "https://x.example/" + i, "t" + i,
                        "s", Instant.now(), false, Instant.now(), null, null, null, null);
                producer.send(new ProducerRecord<>(Topics.rawTopicFor(item.kind()), item.id(), Json.bytes(item)));
                if (i == 150) producer.send(new ProducerRecord<>(Topics.NEWS_RAW, "poison", poison));
            }
            producer.flush();
        }

        // first run: the process "dies" (an Error escapes) after tagging 170 items, mid-transaction:
        // nothing is committed or aborted. Its clients then drop off the broker, as they would after
        // a kill once the session times out; the open transaction stays open on the broker.
        AtomicInteger calls = new AtomicInteger();
        Function<Item, TaggedItem> crashing = i -> {
            if (calls.incrementAndGet() == 170) throw new OutOfMemoryError("simulated crash");
            return label(i);
        };
        TagStage doomed = new TagStage(bus.clients(), crashing, "0", null);
        assertThatThrownBy(() -> doomed.drain(Duration.ofMinutes(2))).isInstanceOf(OutOfMemoryError.class);
        doomed.closeClients();

        // restart with the same instance id: fences the dead one, aborts its open transaction
        TagStage restarted = new TagStage(bus.clients(), TagStageIT::label, "0", null);
        restarted.drain(Duration.ofMinutes(2));
        restarted.closeClients();

        Map<String, Integer> seen = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : readAll(Topics.ITEMS_TAGGED)) {
            TaggedItem t = Json.read(r.value(), TaggedItem.class);
            seen.merge(t.id(), 1, Integer::sum);
        }
        assertThat(seen).hasSize(n);
        assertThat(seen.values()).allMatch(count -> count == 1);

        List<ConsumerRecord<String, byte[]>> dead = readAll(Topics.DEADLETTER);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(poison);
        assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.STAGE)).isEqualTo(TagStage.STAGE);
        assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.ERROR)).isNotBlank();
        assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.ORIGIN_TOPIC)).isEqualTo(Topics.NEWS_RAW);
    }

    /** Every committed record of a topic, read_committed. */
    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = bus.clients().reader("it-check")) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 30_000;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
