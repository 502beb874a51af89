package org.rxradar.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Certification;
import org.rxradar.model.Kind;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;
import org.rxradar.model.TaggedItem;

class TrendStoreTest {
    private static final TrendStream STREAM = new TrendStream(20261124L);

    @Test
    void generatedStreamHasTheHardCases() {
        assertThat(STREAM.items).hasSizeGreaterThan(3000);
        assertThat(STREAM.updates).isGreaterThan(100);
        assertThat(STREAM.nearDuplicates).isGreaterThan(50);
        assertThat(STREAM.estimatedDates).isGreaterThan(100);
    }

    @Test
    void countsEveryDayExactlyDespiteUpdatesAndNearDuplicates() {
        TrendStore store = new TrendStore();
        STREAM.items.forEach(store::add);
        assertThat(store.days()).hasSize(TrendStream.DAYS);
        for (LocalDate day : store.days()) assertMatchesTruth(store.snapshot(day).orElseThrow(), STREAM.expected.get(day));
    }

    @Test
    void addingTheWholeStreamAgainCountsNothing() {
        TrendStore store = new TrendStore();
        STREAM.items.forEach(store::add);
        List<TrendSnapshot> before = store.snapshots();
        long countedAgain = STREAM.items.stream().filter(i -> store.add(i).isPresent()).count();
        assertThat(countedAgain).isZero();
        assertThat(store.snapshots()).isEqualTo(before);
    }

    @Test
    void restartInTheMiddleCountsNothingTwice() throws IOException {
        List<TaggedItem> items = STREAM.items;
        LocalDate crashDay = TrendStream.START.plusDays(31);
        int crashAt = STREAM.firstIndex.get(crashDay) + 17; // part way through a day

        TrendStore first = new TrendStore();
        List<byte[]> topic = new ArrayList<>(); // what the compacted rxradar.trends topic would hold, oldest first
        for (int i = 0; i < crashAt; i++) {
            first.add(items.get(i));
            if (i == STREAM.firstIndex.get(crashDay) + 5) topic.add(first.snapshot(crashDay).orElseThrow().toJson());
        }
        List<byte[]> latest = first.snapshots().stream().map(TrendSnapshot::toJson).toList();
        topic.addAll(0, latest); // not yet compacted: a stale version of the crash day after the newer one
        List<TrendSnapshot> readBack = new ArrayList<>();
        for (byte[] record : topic) readBack.add(TrendSnapshot.fromJson(record));

        TrendStore restarted = new TrendStore();
        restarted.restore(readBack);
        int replayFrom = STREAM.firstIndex.get(crashDay.minusDays(2)); // replay overlaps two days already in snapshots
        for (int i = replayFrom; i < items.size(); i++) restarted.add(items.get(i));

        assertThat(restarted.days()).hasSize(TrendStream.DAYS);
        for (LocalDate day : restarted.days()) assertMatchesTruth(restarted.snapshot(day).orElseThrow(), STREAM.expected.get(day));
    }

    @Test
    void crashBetweenSnapshotAndOffsetCommitCountsEverythingOnce() throws IOException {
        List<TaggedItem> items = STREAM.items;
        java.util.Random random = new java.util.Random(3);
        for (int crash = 0; crash < 3; crash++) {
            List<byte[]> trendsTopic = new ArrayList<>();
            int committed = 0; // consumer offset on rxradar.items.tagged
            int crashAt = items.size() / 4 + random.nextInt(items.size() / 2);
            TrendStore store = new TrendStore();
            for (int i = 0; i < crashAt; i++) {
                store.add(items.get(i));
                if (i % 150 == 149) {
                    store.takeChanged().forEach(s -> trendsTopic.add(s.toJson()));
                    if (random.nextBoolean()) committed = i + 1; // sometimes the crash comes before the commit
                }
            }
            TrendStore restarted = new TrendStore();
            List<TrendSnapshot> readBack = new ArrayList<>();
            for (byte[] record : trendsTopic) readBack.add(TrendSnapshot.fromJson(record));
            restarted.restore(readBack);
            for (int i = committed; i < items.size(); i++) restarted.add(items.get(i));
            for (LocalDate day : restarted.days()) assertMatchesTruth(restarted.snapshot(day).orElseThrow(), STREAM.expected.get(day));
            assertThat(restarted.days()).hasSize(TrendStream.DAYS);
        }
    }

    @Test
    void takeChangedReturnsOnlyDaysChangedSinceTheLastCall() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        TrendStore store = new TrendStore();
        store.add(lead("a", day, "retail", 20.0));
        store.add(lead("b", day.plusDays(1), "retail", 20.0));
        assertThat(store.takeChanged()).extracting(TrendSnapshot::day).containsExactly(day, day.plusDays(1));
        assertThat(store.takeChanged()).isEmpty();
        store.add(lead("a", day, "retail", 20.0)); // already counted: nothing changed
        store.add(lead("c", day.plusDays(1), "retail", 20.0));
        assertThat(store.takeChanged()).extracting(TrendSnapshot::day).containsExactly(day.plusDays(1));
        assertThat(store.retainFrom(day.plusDays(1))).containsExactly(day);
    }

    @Test
    void daysMarkedChangedAgainAreTakenAgain() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        TrendStore store = new TrendStore();
        store.add(lead("a", day, "retail", 20.0));
        List<TrendSnapshot> taken = store.takeChanged(); // taken, but Kafka did not acknowledge them
        assertThat(store.takeChanged()).isEmpty();
        store.markChanged(List.of(day, day.minusDays(400))); // a day the store does not hold is ignored
        assertThat(store.takeChanged()).isEqualTo(taken);
    }

    @Test
    void restoreKeepsTheFullestSnapshotOfADay() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        TrendStore store = new TrendStore();
        store.add(lead("a", day, "retail", 20.0));
        TrendSnapshot small = store.snapshot(day).orElseThrow();
        store.add(lead("b", day, "retail", 22.0));
        TrendSnapshot full = store.snapshot(day).orElseThrow();

        TrendStore restored = new TrendStore();
        restored.restore(List.of(full, small));
        assertThat(restored.snapshot(day).orElseThrow().relevantLeads()).isEqualTo(2);
        assertThat(restored.add(lead("a", day, "retail", 20.0))).isEmpty();
        assertThat(restored.add(lead("c", day, "retail", 24.0))).contains(day);
        assertThat(restored.snapshot(day).orElseThrow().relevantLeads()).isEqualTo(3);
    }

    @Test
    void prunedDaysAreNotResurrectedByAReplay() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        TrendStore store = new TrendStore();
        store.add(lead("a", day, "retail", 20.0));
        assertThat(store.retainFrom(day.plusDays(1))).containsExactly(day);
        assertThat(store.days()).isEmpty();
        assertThat(store.add(lead("a", day, "retail", 20.0))).isEmpty();
        assertThat(store.add(lead("b", day.plusDays(1), "retail", 20.0))).contains(day.plusDays(1));
    }

    @Test
    void medianHourlyPayConvertsAnnualPayAndHandlesEvenCounts() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        TrendStore store = new TrendStore();
        store.add(lead("h1", day, "hospital", 18.0));
        store.add(withSalary(lead("h2", day, "hospital", null), new Salary(45_760.0, 45_760.0, Salary.Unit.YEAR, "USD"))); // 22.00/h
        store.add(withSalary(lead("h3", day, "hospital", null), new Salary(20.0, null, Salary.Unit.HOUR, "USD"))); // starting at
        store.add(lead("r1", day, "retail", 16.0));
        store.add(lead("r2", day, "retail", 17.5));
        store.add(lead("r3", day, "retail", null)); // no pay: counted as a lead, not in the median
        TrendReport report = store.report(day, 1);
        assertThat(report.payBySetting().get("hospital")).isEqualTo(new TrendReport.Pay(20.0, 3));
        assertThat(report.payBySetting().get("retail")).isEqualTo(new TrendReport.Pay(16.75, 2));
        assertThat(report.leadsBySetting()).containsEntry("retail", 3).containsEntry("hospital", 3);
        assertThat(Median.of(List.of())).isNull();
        assertThat(Median.of(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    }

    @Test
    void reportOverTheWindowMatchesTheSumOfItsDays() {
        TrendStore store = new TrendStore();
        STREAM.items.forEach(store::add);
        TrendReport report = store.report(TrendStream.LAST, 28);
        LocalDate from = TrendStream.LAST.minusDays(27);
        int leads = 0, asking = 0, news = 0, hospitalDay0 = STREAM.expected.get(from).bySetting.getOrDefault("hospital", 0);
        Map<String, Integer> ptcb = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(TrendStream.LAST); d = d.plusDays(1)) {
            TrendStream.Day t = STREAM.expected.get(d);
            leads += t.relevantLeads;
            asking += t.asking;
            news += t.newsItems;
            t.certs.forEach((k, v) -> ptcb.merge(k, v, Integer::sum));
        }
        assertThat(report.days()).hasSize(28);
        assertThat(report.from()).isEqualTo(from);
        assertThat(report.relevantLeads()).isEqualTo(leads);
        assertThat(report.newsItems()).isEqualTo(news);
        assertThat(report.leadsAskingCertification()).isEqualTo(asking);
        assertThat(report.certifications().get("PTCB-CPhT").leads()).isEqualTo(ptcb.get("PTCB-CPhT"));
        assertThat(report.leadsBySettingPerDay().get("hospital").get(0)).isEqualTo(hospitalDay0);
        assertThat(report.leadsBySetting().keySet()).startsWith("hospital", "retail"); // taxonomy order
        assertThat(report.payBySetting().get("industry").medianHourly()).isGreaterThan(report.payBySetting().get("retail").medianHourly());
    }

    @Test
    void anEitherOrRequirementCountsAsItsOwnRequirementNotAsEachCredential() {
        LocalDate day = LocalDate.of(2026, 11, 2);
        TrendStore store = new TrendStore();
        Certification either = Certification.anyOf(List.of("PTCB-CPhT", "NHA-ExCPT"), true);
        store.add(withCertifications(lead("a", day, "retail", 18.0), List.of(either)));
        store.add(withCertifications(lead("b", day, "retail", 18.0), List.of(either, new Certification("STATE-LICENSE", true))));
        store.add(withCertifications(lead("c", day, "retail", 18.0), List.of(new Certification("PTCB-CPhT", true))));
        store.add(lead("d", day, "retail", 18.0));

        TrendReport report = store.report(day, 7);
        assertThat(report.leadsAskingCertification()).isEqualTo(3);
        assertThat(report.certifications().get("PTCB-CPhT")).isEqualTo(new TrendReport.Share(1, 0.25)); // only "c" requires PTCB
        assertThat(report.certifications().get("PTCB-CPhT|NHA-ExCPT")).isEqualTo(new TrendReport.Share(2, 0.5));
        assertThat(report.certifications()).doesNotContainKey("NHA-ExCPT");
        assertThat(report.certifications().keySet()).containsExactly("PTCB-CPhT", "STATE-LICENSE", "PTCB-CPhT|NHA-ExCPT");
    }

    @Test
    void dayIsThePublishedDateUnlessEstimatedOrInTheFuture() {
        Instant published = Instant.parse("2026-03-01T23:30:00Z");
        Instant tagged = Instant.parse("2026-03-02T00:10:00Z");
        TaggedItem real = item("x", published, false, tagged);
        assertThat(TrendDay.of(real)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(TrendDay.of(item("x", published, true, tagged))).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(TrendDay.of(item("x", Instant.parse("2099-01-01T00:00:00Z"), false, tagged))).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(TrendDay.of(item("x", null, false, null))).isNull();
        assertThat(new TrendStore().add(item("x", null, false, null))).isEmpty();
    }

    @Test
    void malformedSnapshotIsAClearError() {
        assertThatThrownBy(() -> TrendSnapshot.fromJson("{\"v\":1}".getBytes())).isInstanceOf(IOException.class).hasMessageContaining("day");
        assertThatThrownBy(() -> TrendSnapshot.fromJson("not json".getBytes())).isInstanceOf(IOException.class);
    }

    @Test
    void snapshotOfABusyDayFitsInOneKafkaRecord() {
        TrendStore store = new TrendStore();
        STREAM.items.forEach(store::add);
        int largest = store.snapshots().stream().mapToInt(s -> s.toJson().length).max().orElseThrow();
        System.out.println("largest trend snapshot: " + largest + " bytes");
        assertThat(largest).isLessThan(1_000_000); // Kafka's default max.message.bytes
    }

    static void assertMatchesTruth(TrendSnapshot s, TrendStream.Day t) {
        assertThat(s.relevantLeads()).as("leads on %s", s.day()).isEqualTo(t.relevantLeads);
        assertThat(s.leadsBySetting()).as("settings on %s", s.day()).isEqualTo(t.bySetting);
        assertThat(s.leadsByState()).as("states on %s", s.day()).isEqualTo(t.byState);
        assertThat(s.leadsAskingCertification()).isEqualTo(t.asking);
        assertThat(s.certifications()).isEqualTo(t.certs);
        assertThat(s.newsItems()).isEqualTo(t.newsItems);
        assertThat(s.newsByTopic()).isEqualTo(t.news);
        assertThat(s.termItems()).isEqualTo(t.termItems);
        assertThat(sorted(s.hourlyPayBySetting())).as("pay on %s", s.day()).isEqualTo(sorted(t.pay));
        for (String phrase : List.of("usp 800", "store closures", "iv room")) {
            assertThat(s.terms().getOrDefault(phrase, 0)).as("%s on %s", phrase, s.day()).isEqualTo(t.planted.getOrDefault(phrase, 0));
        }
        assertThat(new HashSet<>(s.counted())).hasSameSizeAs(s.counted());
    }

    private static Map<String, List<Double>> sorted(Map<String, List<Double>> pay) {
        Map<String, List<Double>> out = new TreeMap<>();
        pay.forEach((k, v) -> out.put(k, v.stream().sorted().toList()));
        return out;
    }

    static TaggedItem lead(String id, LocalDate day, String setting, Double hourly) {
        Instant at = day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
        Salary salary = hourly == null ? null : new Salary(hourly, hourly, Salary.Unit.HOUR, "USD");
        return new TaggedItem(1, id, Kind.JOB, "board", null, "Pharmacy Technician", "Fill prescriptions.", at, false, at, null,
                null, new Place("Austin, TX", "Austin", "TX", false), List.of(setting), List.of(), null, null, true, salary,
                null, null, null, null, at);
    }

    private static TaggedItem withSalary(TaggedItem i, Salary salary) {
        return new TaggedItem(i.v(), i.id(), i.kind(), i.source(), i.url(), i.title(), i.summary(), i.published(),
                i.publishedEstimated(), i.fetched(), i.updated(), i.employer(), i.location(), i.settings(), i.topics(), i.scores(),
                i.evidence(), i.relevant(), salary, i.certifications(), i.employment(), i.shift(), i.cluster(), i.tagged());
    }

    private static TaggedItem withCertifications(TaggedItem i, List<Certification> certs) {
        return new TaggedItem(i.v(), i.id(), i.kind(), i.source(), i.url(), i.title(), i.summary(), i.published(),
                i.publishedEstimated(), i.fetched(), i.updated(), i.employer(), i.location(), i.settings(), i.topics(), i.scores(),
                i.evidence(), i.relevant(), i.salary(), certs, i.employment(), i.shift(), i.cluster(), i.tagged());
    }

    private static TaggedItem item(String id, Instant published, boolean estimated, Instant tagged) {
        return new TaggedItem(1, id, Kind.NEWS, "news", null, "t", "s", published, estimated, tagged, null, null, null,
                List.of(), List.of("workforce"), null, null, true, null, null, null, null, null, tagged);
    }
}
