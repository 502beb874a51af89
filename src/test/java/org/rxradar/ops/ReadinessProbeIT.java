package org.rxradar.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.Topics;

/** The readiness probe against a real broker: lag counted from real offsets, and a broker that is not there. */
class ReadinessProbeIT {
    @TempDir
    static Path dir;
    static Bus bus;

    @BeforeAll
    static void broker() {
        bus = Bus.open(new RxRadarConfig.Kafka("", 1, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()), "test", null));
    }

    @AfterAll
    static void stop() {
        bus.close();
    }

    @Test
    void lagIsWhatTheTaggerHasNotCommittedAndTheBoundDecides() throws Exception {
        try (KafkaProducer<String, byte[]> producer = bus.clients().producer("probe-test")) {
            for (int i = 0; i < 7; i++)
                producer.send(new ProducerRecord<>(Topics.NEWS_RAW, "k" + i, "{}".getBytes(StandardCharsets.UTF_8))).get();
        }
        String group = bus.clients().groupId("tagger");
        try (ReadinessProbe strict = new ReadinessProbe(bus.clients(), group, List.of(Topics.NEWS_RAW, Topics.LEADS_RAW),
                Duration.ofSeconds(10), 5, Clock.systemUTC());
             ReadinessProbe lenient = new ReadinessProbe(bus.clients(), group, List.of(Topics.NEWS_RAW, Topics.LEADS_RAW),
                     Duration.ofSeconds(10), 100, Clock.systemUTC())) {
            assertThat(strict.broker().up()).as("nothing checked yet").isFalse();
            ReadinessProbe.Snapshot s = strict.checkNow();
            assertThat(s.brokerUp()).isTrue();
            assertThat(s.brokers()).isEqualTo(1);
            assertThat(s.lag()).isEqualTo(7);
            assertThat(strict.broker().up()).isTrue();
            assertThat(strict.tagger(false).up()).as("no tagger loop in this process: nothing to wait for").isTrue();
            // the group has no members: not ready, whatever the lag
            HealthStatus.Component tagger = strict.tagger(true);
            assertThat(tagger.up()).isFalse();
            assertThat(tagger.detail()).contains("no partitions assigned");
            lenient.checkNow();
            assertThat(lenient.lastLag()).isEqualTo(7.0);
        }
    }

    @Test
    void anUnreachableBrokerIsNotReadyAndTheCheckDoesNotHang() {
        KafkaClients nowhere = new KafkaClients("127.0.0.1:1", "test", Map.of());
        try (ReadinessProbe probe = new ReadinessProbe(nowhere, "test.tagger", List.of(Topics.NEWS_RAW), Duration.ofSeconds(10),
                100, Clock.systemUTC())) {
            long start = System.nanoTime();
            ReadinessProbe.Snapshot s = probe.checkNow();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            assertThat(s.brokerUp()).isFalse();
            assertThat(probe.broker().up()).isFalse();
            assertThat(probe.broker().detail()).startsWith("broker unreachable");
            assertThat(probe.tagger(true).up()).isFalse();
            assertThat(new HealthStatus(true, List.of(probe.broker())).ready()).isFalse();
        }
    }
}
