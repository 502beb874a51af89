package org.rxradar.fetch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.rxradar.bus.Topics;
import org.rxradar.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source's {@link SourceState} as records of the compacted {@code rxradar.fetch.state} topic,
 * keyed by source id like {@code rxradar.sources} and written to the same partition number, so the
 * owner of a source's partition finds its state in the same partition of this topic.
 *
 * <p>A state is one record (the state's JSON) while it is at most {@link #MAX_RECORD_BYTES}. The
 * seen ids are bounded by their expiry (120 days after an item was last listed), but a job listing
 * with thousands of open postings (their URLs and titles kept to close them) outgrows Kafka's 1 MB
 * record limit, and dropping seen ids would publish their items again. So a larger state is split:
 * the head record (key = source id) holds everything but the seen ids plus {@code "parts": n}, and
 * n part records (key = source id + {@code "#part-1"}…) hold the seen and ignored ids. All of them
 * are written in the one transaction of the poll, with tombstones for parts a smaller state no
 * longer needs, so a reader never sees parts of two different polls. A tombstone on the head deletes
 * the state (parts without a head are ignored).
 */
final class StateRecords {
    private static final Logger log = LoggerFactory.getLogger(StateRecords.class);
    /** The largest state record written: half of Kafka's default 1 MB, leaving room for the batch and headers. */
    static final int MAX_RECORD_BYTES = 512 * 1024;
    private static final String PART = "#part-";
    private static final TypeReference<Map<String, SourceState.Seen>> SEEN = new TypeReference<>() {};

    private StateRecords() {}

    /**
     * The records that store {@code s} in {@code partition}; sets {@code s.storedParts} to the parts
     * written (the state is installed only once they are stored).
     */
    static List<ProducerRecord<String, byte[]>> of(SourceState s, int partition) {
        return of(s, partition, MAX_RECORD_BYTES);
    }

    static List<ProducerRecord<String, byte[]>> of(SourceState s, int partition, int maxBytes) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        byte[] whole = Json.bytes(s);
        int parts = 0;
        if (whole.length <= maxBytes) {
            out.add(record(partition, s.sourceId, whole));
        } else {
            List<ObjectNode> chunks = split(s, maxBytes);
            parts = chunks.size();
            ObjectNode head = Json.MAPPER.valueToTree(s);
            head.putObject("seen");
            head.putObject("ignored");
            head.put("parts", parts);
            out.add(record(partition, s.sourceId, Json.bytes(head)));
            for (int k = 1; k <= parts; k++) out.add(record(partition, partKey(s.sourceId, k), Json.bytes(chunks.get(k - 1))));
        }
        for (int k = parts + 1; k <= s.storedParts; k++) out.add(record(partition, partKey(s.sourceId, k), null));
        s.storedParts = parts;
        return out;
    }

    // the seen and ignored ids in parts of at most maxBytes, each entry measured as it will be written
    private static List<ObjectNode> split(SourceState s, int maxBytes) {
        int budget = maxBytes - 1024; // the part's own fields and the JSON around the maps
        List<ObjectNode> chunks = new ArrayList<>();
        ObjectNode current = null;
        int size = 0;
        for (String map : List.of("seen", "ignored")) {
            Map<String, SourceState.Seen> entries = map.equals("seen") ? s.seen : s.ignored;
            for (Map.Entry<String, SourceState.Seen> e : entries.entrySet()) {
                JsonNode value = Json.MAPPER.valueToTree(e.getValue());
                int bytes = e.getKey().length() + Json.bytes(value).length + 8;
                if (current == null || size + bytes > budget) {
                    current = Json.MAPPER.createObjectNode();
                    current.put("source", s.sourceId);
                    current.put("part", chunks.size() + 1);
                    current.putObject("seen");
                    current.putObject("ignored");
                    chunks.add(current);
                    size = 0;
                }
                ((ObjectNode) current.get(map)).set(e.getKey(), value);
                size += bytes;
            }
        }
        return chunks;
    }

    private static ProducerRecord<String, byte[]> record(int partition, String key, byte[] value) {
        return new ProducerRecord<>(Topics.FETCH_STATE, partition, key, value);
    }

    static String partKey(String sourceId, int k) {
        return sourceId + PART + k;
    }

    /** The source id a state record's key belongs to. */
    static String sourceOf(String key) {
        int i = key.indexOf(PART);
        return i < 0 ? key : key.substring(0, i);
    }

    /**
     * The states held by the latest record of each key of a partition (tombstones already removed),
     * by source id. A record that cannot be read is left out with a warning: that source starts afresh.
     */
    static Map<String, SourceState> read(Map<String, byte[]> latest) {
        Map<String, SourceState> out = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : latest.entrySet()) {
            String key = e.getKey();
            if (key.contains(PART)) continue;
            try {
                ObjectNode head = (ObjectNode) Json.read(e.getValue(), JsonNode.class);
                int parts = head.path("parts").asInt(0);
                head.remove("parts");
                SourceState s = Json.MAPPER.treeToValue(head, SourceState.class);
                if (s.seen == null) s.seen = new HashMap<>();
                if (s.ignored == null) s.ignored = new HashMap<>();
                if (s.sourceId == null) s.sourceId = key;
                for (int k = 1; k <= parts; k++) {
                    byte[] part = latest.get(partKey(key, k));
                    if (part == null) {
                        log.warn("fetch state of source {}: part {} of {} is missing; items it remembered may be published again", key, k, parts);
                        continue;
                    }
                    JsonNode p = Json.read(part, JsonNode.class);
                    s.seen.putAll(Json.MAPPER.convertValue(p.path("seen"), SEEN));
                    s.ignored.putAll(Json.MAPPER.convertValue(p.path("ignored"), SEEN));
                }
                s.storedParts = parts;
                out.put(key, s);
            } catch (IOException | RuntimeException ex) {
                log.warn("fetch state of source {} is unreadable, starting afresh: {}", key, ex.getMessage());
            }
        }
        return out;
    }
}
