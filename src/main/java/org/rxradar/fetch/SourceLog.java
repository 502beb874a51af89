package org.rxradar.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.rxradar.bus.BusException;
import org.rxradar.bus.CompactedSnapshot;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.Partitions;
import org.rxradar.bus.Topics;
import org.rxradar.config.RxRadarConfig.Source;
import org.rxradar.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sources to poll, kept in the compacted {@code rxradar.sources} topic (key = source id, value
 * = the source's configuration as JSON, a tombstone for a source removed). The configuration file
 * is loaded into it at start, as subscribers are into {@code rxradar.subscriptions}; the fetch group
 * ({@link FetchGroup}) then divides the topic's partitions, and with them the sources, among the
 * instances. Every instance should read the same file: the last one started decides.
 *
 * <p>Secrets stay out of Kafka: a source's {@code api-key} is not written; the instance that polls
 * the source takes it from its own configuration (the source of the same id) or from
 * {@code RXRADAR_USAJOBS_API_KEY}.
 */
public final class SourceLog {
    private static final Logger log = LoggerFactory.getLogger(SourceLog.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private SourceLog() {}

    /** What {@link #loadFromConfig} changed. */
    public record Changes(int written, int removed, int unchanged) {}

    /**
     * Writes each configured source whose record differs from the topic's (new or changed), and a
     * tombstone for each source the topic holds that the file no longer does; returns once Kafka
     * has acknowledged them.
     */
    public static Changes loadFromConfig(KafkaClients clients, List<Source> configured) {
        Map<String, Source> known = read(clients);
        Map<String, Source> wanted = new LinkedHashMap<>();
        for (Source s : configured) wanted.put(s.id(), withoutSecrets(s));
        List<ProducerRecord<String, byte[]>> writes = new ArrayList<>();
        int unchanged = 0;
        for (Source s : wanted.values()) {
            if (s.equals(known.get(s.id()))) unchanged++;
            else writes.add(new ProducerRecord<>(Topics.SOURCES, s.id(), Json.bytes(s)));
        }
        int written = writes.size();
        for (String id : known.keySet()) {
            if (!wanted.containsKey(id)) writes.add(new ProducerRecord<>(Topics.SOURCES, id, null));
        }
        if (!writes.isEmpty()) send(clients, writes);
        Changes c = new Changes(written, writes.size() - written, unchanged);
        if (!writes.isEmpty())
            log.info("Sources in {}: {} written (new or changed), {} removed, {} unchanged", Topics.SOURCES, c.written(), c.removed(),
                    c.unchanged());
        return c;
    }

    /** Every source the topic holds now, by id (records that cannot be read are left out, with a warning). */
    public static Map<String, Source> read(KafkaClients clients) {
        try (KafkaConsumer<String, byte[]> reader = clients.reader("rxradar-sources-load")) {
            CompactedSnapshot snap = CompactedSnapshot.read(reader, Partitions.of(reader, Topics.SOURCES, READ_TIMEOUT), READ_TIMEOUT);
            Map<String, Source> out = new LinkedHashMap<>();
            snap.values().values().forEach(m -> m.forEach((id, value) -> {
                Source s = parse(id, value);
                if (s != null) out.put(id, s);
            }));
            return out;
        }
    }

    /** A source record's value, or null (logged) when it cannot be read. */
    static Source parse(String id, byte[] value) {
        try {
            Source s = Json.read(value, Source.class);
            if (!id.equals(s.id())) throw new IllegalArgumentException("its id is '" + s.id() + "'");
            return s;
        } catch (Exception e) {
            log.warn("Source record {} in {} left out: {}", id, Topics.SOURCES, e.getMessage());
            return null;
        }
    }

    /** The source as written to Kafka: without its API key. */
    static Source withoutSecrets(Source s) {
        return withApiKey(s, null);
    }

    static Source withApiKey(Source s, String apiKey) {
        return new Source(s.id(), s.type(), s.kind(), s.url(), s.interval(), s.name(), s.selectors(), s.enabled(), s.apiUrl(),
                s.search(), apiKey, s.userAgentEmail(), s.include(), s.maxPages());
    }

    private static void send(KafkaClients clients, List<ProducerRecord<String, byte[]>> writes) {
        try (KafkaProducer<String, byte[]> producer = clients.producer("rxradar-sources")) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (ProducerRecord<String, byte[]> r : writes) acks.add(producer.send(r));
            producer.flush();
            for (Future<RecordMetadata> ack : acks) ack.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new BusException("cannot write the sources to " + Topics.SOURCES + ": " + e.getMessage(), e);
        }
    }
}
