package org.rxradar.view;

import org.rxradar.feeds.Items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Kind;
import org.rxradar.model.TaggedItem;
import org.rxradar.model.Taxonomy;

class FeedViewTest {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    final FeedView view = new FeedView(Duration.ofDays(14), 1000, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void queriesByFacetNewestFirstWithLimit() {
        view.put(Items.job("a", NOW.minusSeconds(300), List.of("hospital"), List.of("compounding"), "TX"));
        view.put(Items.job("b", NOW.minusSeconds(100), List.of("hospital", "government"), List.of(), "CA"));
        view.put(Items.job("c", NOW.minusSeconds(200), List.of("retail"), List.of(), "TX"));
        view.put(Items.news("d", NOW.minusSeconds(50), List.of("compounding"), List.of("regulation")));

        assertThat(ids(view.query(ViewQuery.all().withSettings(List.of("hospital"))))).containsExactly("b", "a");
        assertThat(ids(view.query(ViewQuery.all().withSettings(List.of("hospital", "retail"))))).containsExactly("b", "c", "a");
        assertThat(ids(view.query(ViewQuery.all().withSettings(List.of("hospital", "retail")).withLimit(2)))).containsExactly("b", "c");
        assertThat(ids(view.query(ViewQuery.all().withStates(List.of("tx"))))).containsExactly("c", "a");
        assertThat(ids(view.query(ViewQuery.all().withKind(Kind.NEWS)))).containsExactly("d");
        // "compounding" is both a setting and a topic: the facets stay apart
        assertThat(ids(view.query(ViewQuery.all().withTopics(List.of("compounding"))))).containsExactly("a");
        assertThat(ids(view.query(ViewQuery.all().withSettings(List.of("compounding"))))).containsExactly("d");
        assertThat(ids(view.query(ViewQuery.all().withSettings(List.of("hospital")).withStates(List.of("CA"))))).containsExactly("b");
        assertThat(ids(view.query(ViewQuery.all()))).containsExactly("d", "b", "c", "a");
    }

    @Test
    void sameIdReplacesAndIrrelevantRemoves() {
        TaggedItem first = Items.job("a", NOW.minusSeconds(300), List.of("hospital"), List.of(), "TX");
        view.put(first);
        view.put(Items.retitled(first, "Lead Pharmacy Technician", NOW));
        assertThat(view.size()).isEqualTo(1);
        assertThat(view.query(ViewQuery.all()).items()).extracting(TaggedItem::title).containsExactly("Lead Pharmacy Technician");

        view.put(Items.irrelevant(first));
        assertThat(view.size()).isZero();
        assertThat(view.countsBySetting()).containsEntry("hospital", 0);
    }

    @Test
    void keepsOnlyTheWindowAndTheCap() {
        FeedView small = new FeedView(Duration.ofDays(14), 3, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(small.put(Items.job("old", NOW.minus(Duration.ofDays(15)), List.of("retail"), List.of(), "TX"))).isFalse();
        for (int i = 0; i < 5; i++) small.put(Items.job("j" + i, NOW.minusSeconds(100 - i), List.of("retail"), List.of(), "TX"));
        assertThat(small.size()).isEqualTo(3);
        assertThat(ids(small.query(ViewQuery.all()))).containsExactly("j4", "j3", "j2");
        assertThat(small.countsBySetting()).containsEntry("retail", 3);

        MutableClock clock = new MutableClock(NOW);
        FeedView aging = new FeedView(Duration.ofDays(14), 100, clock);
        aging.put(Items.job("x", NOW.minus(Duration.ofDays(13)), List.of("clinic"), List.of(), "TX"));
        clock.now = NOW.plus(Duration.ofDays(2));
        assertThat(aging.evictExpired()).isEqualTo(1);
        assertThat(aging.size()).isZero();
    }

    @Test
    void countsPerSettingAndTopic() {
        view.put(Items.job("a", NOW, List.of("hospital", "government"), List.of("career"), "TX"));
        view.put(Items.job("b", NOW, List.of("hospital"), List.of(), "TX"));
        assertThat(view.countsBySetting()).containsEntry("hospital", 2).containsEntry("government", 1).containsEntry("retail", 0)
                .containsOnlyKeys(Taxonomy.SETTINGS);
        assertThat(view.countsByTopic()).containsEntry("career", 1).containsOnlyKeys(Taxonomy.TOPICS);
        assertThat(view.count(Kind.JOB)).isEqualTo(2);
    }

    @Test
    void stampChangesOnlyWithTheResult() {
        TaggedItem a = Items.job("a", NOW.minusSeconds(10), List.of("hospital"), List.of(), "TX");
        view.put(a);
        ViewQuery hospital = ViewQuery.all().withSettings(List.of("hospital"));
        ViewResult first = view.query(hospital);
        view.put(Items.job("r", NOW, List.of("retail"), List.of(), "TX"));
        ViewResult afterUnrelated = view.query(hospital);
        assertThat(afterUnrelated.stamp()).isEqualTo(first.stamp());
        assertThat(afterUnrelated.viewVersion()).isGreaterThan(first.viewVersion());

        view.put(Items.retitled(a, "changed", NOW.plusSeconds(5)));
        ViewResult afterChange = view.query(hospital);
        assertThat(afterChange.stamp()).isNotEqualTo(first.stamp());
        assertThat(afterChange.lastModified()).isEqualTo(NOW.plusSeconds(5));
        assertThat(new FeedView().query(hospital).lastModified()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void indexedQueriesAgreeWithAFullScan() {
        Random rnd = new Random(42);
        List<TaggedItem> items = new ArrayList<>();
        List<String> states = List.of("TX", "CA", "NY", "FL");
        for (int i = 0; i < 800; i++) {
            List<String> settings = List.of(Taxonomy.SETTINGS.get(rnd.nextInt(11)), Taxonomy.SETTINGS.get(rnd.nextInt(11)))
                    .stream().distinct().toList();
            List<String> topics = rnd.nextBoolean() ? List.of(Taxonomy.TOPICS.get(rnd.nextInt(10))) : List.of();
            Instant t = NOW.minusSeconds(rnd.nextInt(100_000));
            TaggedItem item = rnd.nextInt(3) == 0 ? Items.news("n" + i, t, settings, topics)
                    : Items.job("j" + i, t, settings, topics, states.get(rnd.nextInt(4)));
            items.add(item);
            view.put(item);
        }
        for (int q = 0; q < 200; q++) {
            ViewQuery query = new ViewQuery(
                    rnd.nextBoolean() ? new java.util.HashSet<>(List.of(Taxonomy.SETTINGS.get(rnd.nextInt(11)), Taxonomy.SETTINGS.get(rnd.nextInt(11)))) : Set.of(),
                    rnd.nextBoolean() ? Set.of(Taxonomy.TOPICS.get(rnd.nextInt(10))) : Set.of(),
                    rnd.nextBoolean() ? null : Kind.values()[rnd.nextInt(2)],
                    rnd.nextBoolean() ? Set.of(states.get(rnd.nextInt(4))) : Set.of(),
                    1 + rnd.nextInt(60));
            List<String> expected = items.stream().filter(it -> naiveMatch(it, query))
                    .sorted(Comparator.comparing(TaggedItem::published).reversed().thenComparing(TaggedItem::id))
                    .limit(query.limit()).map(TaggedItem::id).toList();
            assertThat(ids(view.query(query))).as(query.toString()).isEqualTo(expected);
        }
    }

    @Test
    void concurrentWritersAndReadersSeeConsistentResults() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 2000; i++) {
                    view.put(Items.job("w" + writer + "-" + (i % 500), NOW.minusSeconds(i), List.of("hospital"), List.of(), "TX"));
                }
            }));
        }
        for (int r = 0; r < 2; r++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    List<TaggedItem> items = view.query(ViewQuery.all().withSettings(List.of("hospital"))).items();
                    for (int k = 1; k < items.size(); k++) {
                        assertThat(items.get(k - 1).published()).isAfterOrEqualTo(items.get(k).published());
                    }
                }
            }));
        }
        for (java.util.concurrent.Future<?> f : futures) f.get();
        pool.shutdown();
        assertThat(view.size()).isEqualTo(1000);
        assertThat(view.countsBySetting()).containsEntry("hospital", 1000);
    }

    @Test
    void rejectsUnknownIdsInQueries() {
        assertThatThrownBy(() -> ViewQuery.all().withSettings(List.of("spaceport")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown setting 'spaceport'").hasMessageContaining("hospital");
        assertThatThrownBy(() -> ViewQuery.all().withStates(List.of("Texas"))).hasMessageContaining("two-letter");
        assertThatThrownBy(() -> ViewQuery.all().withLimit(0)).hasMessageContaining("limit");
    }

    private static boolean naiveMatch(TaggedItem it, ViewQuery q) {
        return (q.kind() == null || it.kind() == q.kind())
                && (q.settings().isEmpty() || it.settings().stream().anyMatch(q.settings()::contains))
                && (q.topics().isEmpty() || it.topics().stream().anyMatch(q.topics()::contains))
                && (q.states().isEmpty() || (it.location() != null && q.states().contains(it.location().state())));
    }

    static List<String> ids(ViewResult r) {
        return r.items().stream().map(TaggedItem::id).toList();
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
