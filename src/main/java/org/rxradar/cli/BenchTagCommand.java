package org.rxradar.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.rxradar.bus.Bus;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.Topics;
import org.rxradar.config.RxRadarConfig;
import org.rxradar.model.Item;
import org.rxradar.model.Json;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.TaggedItem;
import org.rxradar.tag.TagStage;
import org.rxradar.tag.Tagger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The raw → tagged stage through a real broker, next to a pass-through in the same run: N items
 * of about 1 KB are written to the raw topics, then consumed and produced by the transactional
 * tag stage twice — once copying each item without tagging, once tagging it — each in its own
 * consumer group, so both read the same records.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Benchmark the tag stage through an embedded Kafka broker against a plain pass-through.")
public final class BenchTagCommand implements Callable<Integer> {
    @Option(names = "--items", defaultValue = "50000", description = "raw items to write (default: ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--semantic", defaultValue = "UNSURE", paramLabel = "ALL|UNSURE|OFF",
            description = "where the tagger's semantic signal runs (OFF: the rules alone; default ${DEFAULT-VALUE})")
    Tagger.Semantic semantic;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("rxradar-bench-tag");
        RxRadarConfig.Kafka kafka = new RxRadarConfig.Kafka("", 3, null, new RxRadarConfig.Embedded(0, 0, dir.resolve("kafka").toString()),
                "bench", null);
        try (Bus bus = Bus.open(kafka)) {
            long bytes = writeRawItems(bus.clients());
            out.printf("wrote %d raw items (%.0f bytes each on average) to %s%n", items, (double) bytes / items, bus.clients().bootstrapServers());
            Tagger tagger = semantic == Tagger.Semantic.OFF ? Tagger.rulesOnly() : Tagger.builtIn().withSemantic(semantic);
            // warm the tagger's code paths so the first measured run is not also the JIT's (fewer with the model: each costs milliseconds)
            int warm = semantic == Tagger.Semantic.OFF ? 5000 : 300;
            for (int i = 0; i < warm; i++) tagger.tag(sampleItem(new Random(i), i));
            double pass = run(out, bus, "pass-through", BenchTagCommand::copy, "pass");
            double tag = run(out, bus, "tag", tagger::tag, "tag");
            out.printf("tag / pass-through = %.2f%n", tag / pass);
        } finally {
            deleteTree(dir);
        }
        return 0;
    }

    private double run(PrintWriter out, Bus bus, String name, Function<Item, TaggedItem> fn, String group) {
        KafkaClients clients = new KafkaClients(bus.clients().bootstrapServers(), "bench-" + group, Map.of());
        TagStage stage = new TagStage(clients, fn, group, null);
        try {
            long start = System.nanoTime();
            long done = stage.drain(Duration.ofMinutes(10));
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = done / seconds;
            out.printf("%-13s %d items in %.2f s = %.0f items/s (%d dead-lettered)%n", name, done, seconds, rate, stage.deadLetterCount());
            out.flush();
            return rate;
        } finally {
            stage.closeClients();
        }
    }

    /** The pass-through: the same record shape out, no tagging work. */
    static TaggedItem copy(Item i) {
        return new TaggedItem(TaggedItem.VERSION, i.id(), i.kind(), i.source(), i.url(), i.title(), i.summary(), i.published(),
                i.publishedEstimated(), i.fetched(), i.updated(), i.employer(), Place.unknown(i.location()), List.of(), List.of(),
                Map.of(), Map.of(), true, null, List.of(), null, List.of(), null, Instant.now());
    }

    private long writeRawItems(KafkaClients clients) {
        long bytes = 0;
        Random random = new Random(42);
        java.util.concurrent.atomic.AtomicReference<Exception> failed = new java.util.concurrent.atomic.AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = clients.producer("bench-raw")) {
            for (int i = 0; i < items; i++) {
                Item item = sampleItem(random, i);
                byte[] value = Json.bytes(item);
                bytes += value.length;
                producer.send(new ProducerRecord<>(Topics.rawTopicFor(item.kind()), item.id(), value), (m, e) -> {
                    if (e != null) failed.compareAndSet(null, e);
                });
            }
            producer.flush();
        }
        if (failed.get() != null) throw new IllegalStateException("writing raw items failed: " + failed.get(), failed.get());
        return bytes;
    }

    private static final String[] EMPLOYERS = {"Lakeside Health", "CVS Pharmacy", "Omnicare", "Option Care Health",
            "Express Scripts", "Cardinal Health", "VA Medical Center", "Walgreens", "PharMerica", "Baylor Scott & White"};
    private static final String[] TITLES = {"Pharmacy Technician II - IV Room", "Certified Pharmacy Technician",
            "Pharmacy Technician - Long-Term Care", "Central Fill Pharmacy Technician", "Pharmacy Buyer",
            "Staff Pharmacist", "Sterile Compounding Technician", "Pharmacy Technician Trainee"};
    private static final String[] CITIES = {"Austin, TX", "Columbus, OH", "Tampa, FL", "Fresno, CA", "Chicago, IL", "Albany, NY"};
    private static final String[] SENTENCES = {
            "Prepare sterile IV admixtures in the cleanroom following USP 797 and USP 800 for hazardous drugs.",
            "Fill unit-dose carts, restock Pyxis and Omnicell cabinets and deliver first doses to nursing units.",
            "Package cycle-fill blister cards for skilled nursing facilities and assisted living communities.",
            "PTCB CPhT certification required; ExCPT accepted; state technician registration required within 90 days.",
            "Pay: $19.50 - $24.00 per hour plus shift differential; full time, evenings and every other weekend.",
            "Answer prescriber calls, process prior authorizations and run benefits investigations for specialty drugs.",
            "Join a team that values growth: tech-check-tech, lead technician roles and paid continuing education.",
            "The pharmacy is open seven days a week; rotating shifts and holidays as scheduled.",
            "Starting at $18 per hour, competitive benefits, 401(k) match and tuition assistance for CPhT exam fees."};

    static Item sampleItem(Random random, int n) {
        boolean job = random.nextInt(4) != 0;
        StringBuilder summary = new StringBuilder();
        while (summary.length() < 850) summary.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(' ');
        String url = "https://bench.example/" + (job ? "jobs/" : "news/") + n;
        Instant now = Instant.now();
        return new Item(Item.VERSION, org.rxradar.model.ItemIds.forUrl(url), job ? Kind.JOB : Kind.NEWS, "bench", url,
                job ? TITLES[random.nextInt(TITLES.length)] : "Technician pay and staffing update " + n, summary.toString().trim(),
                now, false, now, null, job ? EMPLOYERS[random.nextInt(EMPLOYERS.length)] : null,
                job ? CITIES[random.nextInt(CITIES.length)] : null, null);
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // a temporary directory; the OS cleans it eventually
        }
    }
}
