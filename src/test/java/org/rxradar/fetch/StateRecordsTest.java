package org.rxradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.rxradar.bus.Topics;

class StateRecordsTest {
    private static SourceState state(int seen, int ignored) {
        SourceState s = SourceState.fresh("big-board", "https://jobs.example.org/sitemap.xml");
        s.etag = "\"v1\"";
        s.retryNotBefore = Instant.parse("2026-12-01T10:00:00Z");
        Instant expires = Instant.parse("2027-03-01T00:00:00Z");
        for (int i = 0; i < seen; i++) {
            // a job listing's entry: content hash, the posting's URL and title, to close it later
            s.seen.put(String.format("%064x", i), new SourceState.Seen(String.format("%064x", i * 7L), expires,
                    "https://jobs.example.org/job/" + i + "/pharmacy-technician-ii-central-fill-nights", "Pharmacy Technician II – Central Fill, Nights " + i,
                    null));
        }
        for (int i = 0; i < ignored; i++) s.ignored.put("ign-" + i, new SourceState.Seen("h" + i, expires));
        return s;
    }

    private static Map<String, byte[]> latest(List<ProducerRecord<String, byte[]>> records, Map<String, byte[]> into) {
        for (ProducerRecord<String, byte[]> r : records) {
            if (r.value() == null) into.remove(r.key());
            else into.put(r.key(), r.value());
        }
        return into;
    }

    @Test
    void aSmallStateIsOneRecordKeyedBySourceIdInItsPartition() {
        SourceState s = state(20, 0);
        List<ProducerRecord<String, byte[]>> records = StateRecords.of(s, 4);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("big-board");
        assertThat(records.get(0).partition()).isEqualTo(4);
        assertThat(records.get(0).topic()).isEqualTo(Topics.FETCH_STATE);
        SourceState back = StateRecords.read(latest(records, new LinkedHashMap<>())).get("big-board");
        assertThat(back.seen).isEqualTo(s.seen);
        assertThat(back.etag).isEqualTo("\"v1\"");
        assertThat(back.retryNotBefore).isEqualTo(s.retryNotBefore);
    }

    @Test
    void aStateOverTheRecordLimitIsSplitIntoPartsThatEachFitAndReadBackWhole() {
        SourceState s = state(12_000, 3_000); // about 4 MB as one JSON document
        List<ProducerRecord<String, byte[]>> records = StateRecords.of(s, 1);
        assertThat(records.size()).isGreaterThan(2);
        for (ProducerRecord<String, byte[]> r : records) {
            assertThat(r.value().length).as(r.key()).isLessThanOrEqualTo(StateRecords.MAX_RECORD_BYTES);
            assertThat(r.partition()).isEqualTo(1);
            assertThat(StateRecords.sourceOf(r.key())).isEqualTo("big-board");
        }
        Map<String, byte[]> topic = latest(records, new LinkedHashMap<>());
        SourceState back = StateRecords.read(topic).get("big-board");
        assertThat(back.seen).isEqualTo(s.seen);
        assertThat(back.ignored).isEqualTo(s.ignored);
        assertThat(back.etag).isEqualTo("\"v1\"");
        assertThat(back.storedParts).isEqualTo(records.size() - 1);

        // the state shrinks (postings expired): the parts it no longer needs get tombstones
        back.seen.keySet().removeIf(id -> !id.endsWith("0"));
        back.ignored.clear();
        List<ProducerRecord<String, byte[]>> smaller = StateRecords.of(back, 1);
        assertThat(smaller.stream().filter(r -> r.value() == null)).isNotEmpty();
        latest(smaller, topic);
        assertThat(topic.keySet()).allMatch(k -> !k.contains("#part-") || Integer.parseInt(k.substring(k.indexOf("#part-") + 6)) <= back.storedParts);
        assertThat(StateRecords.read(topic).get("big-board").seen).isEqualTo(back.seen);
    }

    @Test
    void anUnreadableRecordStartsThatSourceAfreshAndLeavesTheOthers() {
        Map<String, byte[]> topic = new LinkedHashMap<>();
        topic.put("broken", "{ not json".getBytes());
        latest(StateRecords.of(state(3, 0), 0), topic);
        Map<String, SourceState> read = StateRecords.read(topic);
        assertThat(read).containsOnlyKeys("big-board");
    }
}
