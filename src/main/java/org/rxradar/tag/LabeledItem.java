package org.rxradar.tag;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rxradar.model.Certification;
import org.rxradar.model.Item;
import org.rxradar.model.Json;
import org.rxradar.model.Kind;
import org.rxradar.model.Salary;

/**
 * An item with its gold labels, one JSON line of a labeled file: the item's fields plus
 * {@code gold: {relevant, settings, settings_ok, topics, topics_ok, salary, certifications, employment, shift}}.
 * Labels in {@code settings_ok}/{@code topics_ok} are fair either way and count neither for nor against.
 */
public record LabeledItem(Item item, Gold gold) {
    public record Gold(boolean relevant, List<String> settings, List<String> settingsOk, List<String> topics,
                       List<String> topicsOk, Salary salary, List<Certification> certifications, String employment,
                       List<String> shift) {}

    /** Reads a labeled JSON-lines file; a malformed line is an error naming the line. */
    public static List<LabeledItem> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read labeled file " + file + ": " + e.getMessage(), e);
        }
        return read(lines, file.toString());
    }

    /** Labeled JSON lines already read (a class-path resource), {@code name} for errors. */
    public static List<LabeledItem> read(String content, String name) {
        return read(content.lines().toList(), name);
    }

    private static List<LabeledItem> read(List<String> lines, String file) {
        List<LabeledItem> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            try {
                out.add(parse(Json.tree(line)));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + Json.problem(e), e);
            }
        }
        return out;
    }

    static LabeledItem parse(JsonNode n) {
        String id = text(n, "id");
        Objects.requireNonNull(id, "id is missing");
        Item item = new Item(Item.VERSION, id, Kind.parse(text(n, "kind")), text(n, "source"), text(n, "url"), text(n, "title"),
                text(n, "summary"), null, false, null, null, text(n, "employer"), text(n, "location"), null);
        JsonNode g = n.path("gold");
        if (!g.isObject()) throw new IllegalArgumentException("gold labels are missing");
        Salary salary = null;
        JsonNode s = g.path("salary");
        if (s.isObject()) {
            salary = new Salary(s.path("min").isNumber() ? s.get("min").asDouble() : null,
                    s.path("max").isNumber() ? s.get("max").asDouble() : null,
                    Salary.Unit.valueOf(s.path("unit").asText("HOUR")), s.path("currency").asText("USD"));
        }
        List<Certification> certs = new ArrayList<>();
        for (JsonNode c : g.path("certifications")) {
            certs.add(new Certification(c.path("id").asText(), c.path("required").asBoolean(), strings(c, "anyOf")));
        }
        return new LabeledItem(item, new Gold(g.path("relevant").asBoolean(), strings(g, "settings"), strings(g, "settings_ok"),
                strings(g, "topics"), strings(g, "topics_ok"), salary, certs, text(g, "employment"), strings(g, "shift")));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : n.path(field)) out.add(v.asText());
        return out;
    }
}
