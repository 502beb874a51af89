package org.rxradar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.rxradar.model.Item;
import org.rxradar.model.Json;
import org.rxradar.model.Kind;
import org.rxradar.model.TaggedItem;
import org.rxradar.tag.Tagger;

/**
 * Tagging plus job-field extraction on one core, in items per second, for each use of the semantic signal. Workload: the labeled
 * sample's job leads and news, each padded with typical posting boilerplate (benefits, equal
 * opportunity) to 1 KB of title and summary, tagged in turn.
 *
 * <p>Run: {@code ./mvnw -B test-compile exec:exec@bench} (all benchmarks) or
 * {@code ./mvnw -B test-compile exec:exec@bench -Dbench=TaggerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class TaggerBenchmark {
    static final String BOILERPLATE = " We offer medical, dental and vision coverage from day one, a 401(k) with company match,"
            + " paid time off and tuition assistance. Our team members enjoy employee discounts and opportunities to grow."
            + " Responsibilities also include maintaining a clean and organized work area, answering phone calls"
            + " professionally and following all policies and procedures. We are an equal opportunity employer and"
            + " value diversity at our company; all qualified applicants will receive consideration without regard to"
            + " race, color, religion, sex, national origin, disability or veteran status.";

    /** Where the semantic signal runs: OFF is the rules alone (the figure before the signal). */
    @Param({"OFF", "UNSURE", "ALL"})
    public Tagger.Semantic semantic;

    private Tagger tagger;
    private Item[] items;
    private int next;

    @Setup
    public void setUp() throws IOException {
        tagger = semantic == Tagger.Semantic.OFF ? Tagger.rulesOnly() : Tagger.builtIn().withSemantic(semantic);
        items = typicalItems().toArray(new Item[0]);
    }

    @Benchmark
    public TaggedItem tagOneItem() {
        Item item = items[next];
        next = next + 1 == items.length ? 0 : next + 1;
        if (semantic != Tagger.Semantic.OFF) {
            // a new title each call: the signal keeps recent vectors, and a day's items are not the same 46 texts
            item = new Item(Item.VERSION, item.id(), item.kind(), item.source(), item.url(), item.title() + " " + (++calls), item.summary(),
                    null, false, null, null, item.employer(), item.location(), null);
        }
        return tagger.tag(item);
    }

    private long calls;

    /** The summary plus boilerplate, cut so that title and summary make 1,024 characters. */
    static String padded(String title, String summary) {
        StringBuilder s = new StringBuilder(summary);
        while (title.length() + s.length() < 1024) s.append(BOILERPLATE);
        return s.substring(0, 1024 - title.length());
    }

    static List<Item> typicalItems() throws IOException {
        List<Item> out = new ArrayList<>();
        try (InputStream in = TaggerBenchmark.class.getResourceAsStream("/tag/sample-items.jsonl")) {
            if (in == null) throw new IOException("tag/sample-items.jsonl is missing from the test class path");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode n = Json.MAPPER.readTree(line);
                Kind kind = Kind.parse(n.path("kind").asText());
                String title = n.path("title").asText();
                String summary = padded(title, n.path("summary").asText());
                out.add(new Item(Item.VERSION, n.path("id").asText(), kind, "bench", null, title, summary,
                        null, false, null, null, n.path("employer").asText(null), n.path("location").asText(null), null));
            }
        }
        return out;
    }
}
