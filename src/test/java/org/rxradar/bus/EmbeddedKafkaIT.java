package org.rxradar.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.config.ConfigException;
import org.rxradar.config.RxRadarConfig;

/** The embedded broker starts, creates the topics, keeps data across a restart and refuses a taken port. */
class EmbeddedKafkaIT {
    @TempDir
    Path dir;

    @Test
    void startsCreatesTopicsAndKeepsDataAcrossRestart() throws Exception {
        RxRadarConfig.Kafka cfg = new RxRadarConfig.Kafka("", 3, null,
                new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()), "test", null);
        try (Bus bus = Bus.open(cfg)) {
            assertThat(bus.isEmbedded()).isTrue();
            try (Admin admin = Admin.create(bus.clients().common())) {
                Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(names).containsAll(Topics.ALL);
                var cleanup = admin.describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                        org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.SUBSCRIPTIONS))).all().get();
                assertThat(cleanup.values().iterator().next().get("cleanup.policy").value()).isEqualTo("compact");
            }
            try (KafkaProducer<String, byte[]> producer = bus.clients().producer("t")) {
                producer.send(new ProducerRecord<>(Topics.NEWS_RAW, "k1", "hello".getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        // same data dir, new ports: the record written before is still there
        try (Bus bus = Bus.open(cfg)) {
            assertThat(readAll(bus, Topics.NEWS_RAW)).containsExactly("hello");
        }
    }

    @Test
    void takenPortIsAClearErrorNamingTheKey() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            RxRadarConfig.Kafka cfg = new RxRadarConfig.Kafka("", 1, null,
                    new RxRadarConfig.Embedded(taken.getLocalPort(), 0, dir.resolve("k2").toString()), "test", null);
            assertThatThrownBy(() -> Bus.open(cfg))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("kafka.embedded.port")
                    .hasMessageContaining("already in use");
        }
    }

    private static List<String> readAll(Bus bus, String topic) {
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = bus.clients().consumer("reader-test", "r")) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (out.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500)))
                    out.add(new String(r.value(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
