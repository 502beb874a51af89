package org.rxradar.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxradar.notify.Leads.lead;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxradar.bus.Bus;
import org.rxradar.bus.Topics;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.digest.SubscriptionLog;
import org.rxradar.model.Json;
import org.rxradar.model.NotifyTarget;
import org.rxradar.model.Subscriber;
import org.rxradar.model.TaggedItem;

/**
 * {@code notify-when: new-leads} on the real broker: matching leads arriving on the tagged topic
 * reach the target at once, then at most once per interval (batched), and a restart neither sends
 * again what was sent nor loses what was waiting. The interval runs on a clock the test moves.
 */
class NewLeadAlertsIT {
    private static final String SECRET = "new-leads-test-secret-0123456789";
    private static final NotifyPolicy POLICY = new NotifyPolicy(List.of(Duration.ofMillis(10), Duration.ofMillis(20)),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(15));

    @TempDir
    static Path dir;
    static Bus bus;

    @BeforeAll
    static void startBroker() {
        bus = Bus.open(new RxRadarConfig.Kafka("", 1, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()), "it", null));
    }

    @AfterAll
    static void stopBroker() {
        if (bus != null) bus.close();
    }

    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T09:00:00Z"));

        void plus(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override public Instant instant() { return now.get(); }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
    }

    private static void publish(KafkaProducer<String, byte[]> producer, TaggedItem... items) throws Exception {
        for (TaggedItem i : items) producer.send(new ProducerRecord<>(Topics.ITEMS_TAGGED, i.id(), Json.bytes(i))).get(10, TimeUnit.SECONDS);
    }

    private static List<String> titles(Receiver.Request r) throws Exception {
        JsonNode items = Json.tree(r.body()).get("items");
        return java.util.stream.StreamSupport.stream(items.spliterator(), false).map(i -> i.get("title").asText()).toList();
    }

    private static NewLeadAlerts started(SubscriptionLog subs, Notifier notifier, MovableClock clock) throws InterruptedException {
        NewLeadAlerts stage = new NewLeadAlerts(bus.clients(), subs, notifier, POLICY, clock).start();
        Eventually.holds("the alert stage has the tagged topic's partitions", stage::assigned);
        return stage;
    }

    @Test
    void matchingLeadsAreBatchedPerIntervalAndARestartNeitherResendsNorLoses() throws Exception {
        MovableClock clock = new MovableClock();
        try (Receiver hook = Receiver.answering(200);
             SubscriptionLog subs = new SubscriptionLog(bus.clients()); NotifyLog results = new NotifyLog(bus.clients());
             Notifier notifier = new Notifier(SECRET, POLICY, results, () -> "https://rxradar.example.org", clock);
             KafkaProducer<String, byte[]> producer = bus.clients().producer("test-tagged")) {
            Subscriber dee = Subscriber.builder("dee@example.org").settings(List.of("hospital")).notifyWhen("new-leads")
                    .notifyTargets(List.of(NotifyTarget.of(NotifyTarget.Kind.WEBHOOK, hook.url("/dee")))).build();
            subs.put(dee);
            subs.awaitCaughtUp();

            NewLeadAlerts stage = started(subs, notifier, clock);
            // the first matching lead goes out at once; a retail lead does not match
            publish(producer, lead("Retail Technician", "Corner Drug", "Austin", "TX", "retail", clock.instant()),
                    lead("Inpatient Technician A"));
            assertThat(titles(hook.next())).containsExactly("Inpatient Technician A");
            Eventually.holds("the first alert recorded", () -> results.of(dee.id()).stream().anyMatch(NotifyRecord::ok));

            // within the interval: the next leads wait
            publish(producer, lead("IV Technician B", "Mercy", "Merced", "CA", "hospital", clock.instant()));
            Eventually.holds("lead B waiting", () -> stage.waiting(dee.id()) == 1);
            assertThat(hook.requests).isEmpty();

            // the interval passed: one message with what waited
            clock.plus(Duration.ofMinutes(15));
            assertThat(titles(hook.next())).containsExactly("IV Technician B");
            Eventually.holds("nothing waiting", () -> stage.waiting(dee.id()) == 0);

            // C arrives inside the next interval; the process stops before sending it
            publish(producer, lead("Night Technician C", "Mercy", "Merced", "CA", "hospital", clock.instant()));
            Eventually.holds("lead C waiting", () -> stage.waiting(dee.id()) == 1);
            stage.close();

            // a new process: once the interval has passed it sends C, and only C
            clock.plus(Duration.ofMinutes(15));
            try (NewLeadAlerts again = started(subs, notifier, clock)) {
                assertThat(titles(hook.next())).containsExactly("Night Technician C");
                Eventually.holds("nothing waiting after the restart", () -> again.waiting(dee.id()) == 0);
            }
            assertThat(hook.requests).isEmpty();
            assertThat(results.of(dee.id())).singleElement().satisfies(r -> {
                assertThat(r.ok()).isTrue();
                assertThat(r.event()).isEqualTo("new-leads");
                assertThat(r.lastSent()).isEqualTo(clock.instant());
            });
        }
    }
}
