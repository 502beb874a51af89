package org.rxradar.trend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.rxradar.model.Json;
import org.rxradar.model.Labels;

/**
 * The JSON form of a {@link TrendReport}, served at {@code /trends}: the record as the shared mapper
 * writes it (keys stay taxonomy ids, so clients can filter on them), plus {@code labels}: the label
 * a person reads for every id in it ({@code "long-term-care": "Long-term care"},
 * {@code "PTCB-CPhT|NHA-ExCPT": "PTCB CPhT or NHA ExCPT"}).
 */
public final class TrendJson {
    private TrendJson() {}

    public static String render(TrendReport report) {
        ObjectNode json = Json.MAPPER.valueToTree(report);
        json.set("labels", Json.MAPPER.valueToTree(labels(report)));
        return Json.text(json);
    }

    static Map<String, String> labels(TrendReport report) {
        Map<String, String> labels = new TreeMap<>();
        for (var ids : java.util.List.of(report.leadsBySetting().keySet(), report.payBySetting().keySet(),
                report.certifications().keySet(), report.newsByTopic().keySet())) {
            for (String id : ids) labels.put(id, Labels.of(id));
        }
        return labels;
    }
}
