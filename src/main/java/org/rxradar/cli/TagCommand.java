package org.rxradar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rxradar.model.Item;
import org.rxradar.model.ItemIds;
import org.rxradar.model.Json;
import org.rxradar.model.Kind;
import org.rxradar.model.TaggedItem;
import org.rxradar.tag.Tagger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rxradar tag [FILE]}: tags JSON-lines items from FILE or standard input without Kafka and
 * writes each back with its tags, job fields and evidence. A missing {@code kind} is taken as a job
 * lead, a missing {@code id} is derived from the line. A line that is not a JSON object is reported
 * on standard error with its number and skipped; the rest are still tagged (exit code 1 then).
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Tags JSON-lines items (fields id, kind, title, summary, employer, location) from FILE or stdin.")
public final class TagCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "items, one JSON object per line (default: stdin)")
    Path file;

    @Option(names = "--rules", paramLabel = "FILE", description = "an extra rules file added to the built-in rules")
    Path rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (file != null && !Files.isRegularFile(file)) {
            err.println("tag: no such file: " + file);
            return 2;
        }
        Tagger tagger = rules == null ? Tagger.builtIn() : Tagger.withRules(rules);
        int[] bad = {0};
        try (InputStream in = file == null ? System.in : Files.newInputStream(file)) {
            Utf8Lines.read(in, (number, line, problem) -> {
                if (problem == null && line.isBlank()) return;
                try {
                    if (problem != null) throw new IllegalArgumentException(problem);
                    out.println(Json.MAPPER.writeValueAsString(tagLine(tagger, line, number)));
                } catch (IOException | RuntimeException e) {
                    bad[0]++;
                    // one line a person can act on: which line, and what is wrong with it in words
                    err.println("tag: line " + number + " skipped: " + Json.problem(e));
                }
            });
        }
        out.flush();
        err.flush();
        return bad[0] == 0 ? 0 : 1;
    }

    static ObjectNode tagLine(Tagger tagger, String line, int number) throws IOException {
        JsonNode node = Json.tree(line);
        if (node == null || !node.isObject()) throw new IllegalArgumentException("not a JSON object");
        ObjectNode in = (ObjectNode) node;
        String title = text(in, "title"), summary = text(in, "summary");
        String id = text(in, "id");
        if (id == null) id = ItemIds.sha256("line " + number + "\n" + title + "\n" + summary);
        String kindText = text(in, "kind");
        Kind kind = kindText == null ? Kind.JOB : Kind.parse(kindText);
        Item item = new Item(Item.VERSION, id, kind, text(in, "source"), text(in, "url"), title, summary, null, false, null, null,
                text(in, "employer"), text(in, "location"), null);
        TaggedItem t = tagger.tag(item);
        ObjectNode out = in.deepCopy();
        out.set("settings", Json.MAPPER.valueToTree(t.settings()));
        out.set("topics", Json.MAPPER.valueToTree(t.topics()));
        out.put("relevant", t.relevant());
        out.set("salary", t.salary() == null ? out.nullNode() : Json.MAPPER.valueToTree(t.salary()));
        out.set("certifications", Json.MAPPER.valueToTree(t.certifications()));
        out.set("employment", t.employment() == null ? out.nullNode() : out.textNode(t.employment()));
        out.set("shift", Json.MAPPER.valueToTree(t.shift()));
        out.set("location", t.location() == null ? out.nullNode() : Json.MAPPER.valueToTree(t.location()));
        out.set("evidence", Json.MAPPER.valueToTree(t.evidence()));
        out.put("cluster", t.cluster());
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
