package org.rxradar.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.rxradar.bus.KafkaClients;
import org.rxradar.bus.Topics;
import org.rxradar.model.Certification;
import org.rxradar.model.Json;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;
import org.rxradar.model.TaggedItem;
import org.rxradar.model.Taxonomy;

/**
 * Tagged items for the multi-instance trend tests: distinct relevant job leads (each its own
 * near-duplicate cluster), the same job again on other boards (another id, the same cluster,
 * placed on purpose in <em>another partition</em> of the tagged topic than the first), updates
 * (the same id again), irrelevant leads and news, over {@link #DAYS} days ending {@link #LAST}.
 * Records are produced in a shuffled order, so a cluster's copy is often read before its first.
 */
final class ClusteredItems {
    static final int DAYS = 10;
    static final LocalDate LAST = LocalDate.of(2026, 11, 20);
    private static final String[] SETTINGS = {"retail", "hospital", "long-term-care", "mail-order", "specialty", "clinic"};
    private static final String[][] PLACES = {{"Austin", "TX"}, {"Fresno", "CA"}, {"Tampa", "FL"}, {"Albany", "NY"}, {"Dayton", "OH"}};
    private static final String[] DUTIES = {"Fill prescriptions accurately", "Prepare sterile products in the IV room",
            "Follow USP 800 rules for hazardous drugs", "Process insurance claims", "Maintain inventory"};

    private final int partitions;
    private final Random random;
    /** The newest day items are published on. */
    final LocalDate last;
    /** Every record produced so far, in order: what "one stage over all" counts. */
    final List<TaggedItem> produced = new ArrayList<>();
    /** The originals made so far, which copies and updates can refer to. */
    private final List<TaggedItem> originals = new ArrayList<>();
    private int nextJob;
    private int nextNews;

    ClusteredItems(int partitions, long seed) {
        this(partitions, seed, LAST);
    }

    ClusteredItems(int partitions, long seed, LocalDate last) {
        this.partitions = partitions;
        this.random = new Random(seed);
        this.last = last;
    }

    /** The partition Kafka's default partitioner puts a key in. */
    int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * A batch: {@code leads} new relevant leads, {@code copies} copies of leads (this batch's or
     * earlier ones') in another partition, {@code updates} earlier items published again, and some
     * irrelevant leads and news; shuffled, except that an update follows its original.
     */
    List<TaggedItem> batch(int leads, int copies, int updates, int news, int irrelevant) {
        List<TaggedItem> fresh = new ArrayList<>();
        for (int i = 0; i < leads; i++) fresh.add(lead(nextJob++, true));
        for (int i = 0; i < irrelevant; i++) fresh.add(lead(nextJob++, false));
        for (int i = 0; i < news; i++) fresh.add(news(nextNews++));
        List<TaggedItem> pool = new ArrayList<>(originals);
        pool.addAll(fresh.stream().filter(t -> t.kind() == Kind.JOB && t.relevant()).toList());
        List<TaggedItem> out = new ArrayList<>(fresh);
        for (int i = 0; i < copies; i++) out.add(copyElsewhere(pool.get(random.nextInt(pool.size())), i));
        Collections.shuffle(out, random);
        // updates of earlier items come after them: the same id is the same partition, read in order
        for (int i = 0; i < updates && !originals.isEmpty(); i++) out.add(update(originals.get(random.nextInt(originals.size()))));
        originals.addAll(fresh);
        return out;
    }

    /** Sends the batch to the tagged topic keyed by item id, as the tag stage does, and remembers it. */
    void produce(KafkaClients clients, List<TaggedItem> batch) {
        try (KafkaProducer<String, byte[]> producer = clients.producer("it-tagged")) {
            for (TaggedItem item : batch) producer.send(new ProducerRecord<>(Topics.ITEMS_TAGGED, item.id(), Json.bytes(item)));
            producer.flush();
        }
        produced.addAll(batch);
    }

    /** One stage over every record produced, in the order produced: the true counts. */
    TrendStore truth() {
        TrendStore store = new TrendStore();
        produced.forEach(store::add);
        return store;
    }

    private TaggedItem lead(int n, boolean relevant) {
        String id = "job-" + n;
        LocalDate day = last.minusDays(n % DAYS);
        Instant at = day.atTime(8 + random.nextInt(10), random.nextInt(60)).toInstant(ZoneOffset.UTC);
        String[] place = PLACES[random.nextInt(PLACES.length)];
        double hourly = 16 + random.nextInt(40) / 4.0;
        Salary salary = random.nextInt(10) < 6 ? new Salary(hourly - 1, hourly + 1, Salary.Unit.HOUR, "USD") : null;
        List<Certification> certs = random.nextBoolean() ? List.of(new Certification("PTCB-CPhT", random.nextBoolean())) : List.of();
        String summary = DUTIES[random.nextInt(DUTIES.length)] + ". " + DUTIES[random.nextInt(DUTIES.length)] + ".";
        return new TaggedItem(1, id, Kind.JOB, "board", "https://jobs.example.com/" + id, "Pharmacy Technician " + (n % 7),
                summary, at, false, at, null, "Mercy Health", new Place(place[0] + ", " + place[1], place[0], place[1], false),
                List.of(SETTINGS[random.nextInt(SETTINGS.length)]), List.of(), null, null, relevant, salary, certs, "FULL_TIME",
                List.of("DAY"), "c-" + id, at.plusSeconds(60));
    }

    private TaggedItem news(int n) {
        String id = "news-" + n;
        Instant at = last.minusDays(n % DAYS).atTime(9, 0).toInstant(ZoneOffset.UTC);
        String topic = Taxonomy.TOPICS.get(random.nextInt(Taxonomy.TOPICS.size()));
        return new TaggedItem(1, id, Kind.NEWS, "news", "https://news.example.com/" + id, "Board updates technician rules " + (n % 5),
                "Read the full story.", at, false, at, null, null, null, List.of(), List.of(topic), null, null, true, null, null,
                null, null, "c-" + id, at.plusSeconds(60));
    }

    /** The same job on another board: another id in another partition, the same cluster and fields. */
    private TaggedItem copyElsewhere(TaggedItem original, int n) {
        for (int board = 2; ; board++) {
            String id = original.id() + "-board" + board + "-" + n;
            if (partitionOf(id) != partitionOf(original.id()))
                return with(original, id, original.title(), original.updated());
        }
    }

    private static TaggedItem update(TaggedItem original) {
        return with(original, original.id(), original.title() + " (updated)", original.tagged().plusSeconds(3600));
    }

    private static TaggedItem with(TaggedItem i, String id, String title, Instant updated) {
        return new TaggedItem(i.v(), id, i.kind(), i.source(), "https://jobs.example.com/" + id, title, i.summary(), i.published(),
                i.publishedEstimated(), i.fetched(), updated, i.employer(), i.location(), i.settings(), i.topics(), i.scores(),
                i.evidence(), i.relevant(), i.salary(), i.certifications(), i.employment(), i.shift(), i.cluster(), i.tagged());
    }

    /** Relevant leads over every retained day of a store. */
    static int relevantLeads(TrendStore store) {
        int n = 0;
        for (LocalDate day : store.days()) n += store.snapshot(day).orElseThrow().relevantLeads();
        return n;
    }

    /**
     * A store's days as comparable values: every aggregate, pay sorted (its order is the counting
     * order), and the counted keys by number (a cluster counts under whichever of its ids came first).
     */
    static Map<LocalDate, String> comparable(TrendStore store) {
        Map<LocalDate, String> out = new TreeMap<>();
        for (LocalDate day : store.days()) {
            TrendSnapshot s = store.snapshot(day).orElseThrow();
            Map<String, List<Double>> pay = new TreeMap<>();
            s.hourlyPayBySetting().forEach((k, v) -> pay.put(k, v.stream().sorted().toList()));
            TrendSnapshot normal = new TrendSnapshot(s.v(), s.day(), s.relevantLeads(), s.leadsBySetting(), s.leadsByState(), pay,
                    s.leadsAskingCertification(), s.certifications(), s.newsItems(), s.newsByTopic(), s.termItems(), s.terms(),
                    List.of(String.valueOf(s.counted().size())));
            out.put(day, Json.text(normal));
        }
        return out;
    }

    /** Asserts the store holds exactly the true counts, and that {@code /trends} would serve the same JSON. */
    static void assertSame(TrendStore store, TrendStore truth, String who) {
        assertThat(comparable(store)).as("trend days of %s", who).isEqualTo(comparable(truth));
        assertThat(TrendJson.render(store.report(LAST, 28))).as("/trends of %s", who).isEqualTo(TrendJson.render(truth.report(LAST, 28)));
    }
}
