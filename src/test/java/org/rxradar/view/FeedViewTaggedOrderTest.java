package org.rxradar.view;

import org.rxradar.feeds.Items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rxradar.view.FeedViewTest.NOW;
import static org.rxradar.view.FeedViewTest.ids;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rxradar.model.TaggedItem;

/** The view's second time order, the one digests read: items tagged within the window, newest tagged first. */
class FeedViewTaggedOrderTest {
    final FeedViewTest.MutableClock clock = new FeedViewTest.MutableClock(NOW);
    final FeedView view = new FeedView(Duration.ofDays(14), 1000, clock);

    @Test
    void feedsOrderByPublishedAndDigestsByTaggedTime() {
        // a: published first, tagged last; b: published last, tagged first; c and d tagged in the same millisecond
        view.put(tagged(job("a", NOW.minusSeconds(400)), NOW.minusSeconds(10)));
        view.put(tagged(job("b", NOW.minusSeconds(100)), NOW.minusSeconds(90)));
        view.put(tagged(job("d", NOW.minusSeconds(300)), NOW.minusSeconds(50)));
        view.put(tagged(job("c", NOW.minusSeconds(200)), NOW.minusSeconds(50)));

        assertThat(ids(view.query(ViewQuery.all()))).containsExactly("b", "c", "d", "a");
        assertThat(idsOf(view.recentlyTagged())).containsExactly("a", "c", "d", "b");
        assertThat(idsOf(view.taggedSince(NOW.minusSeconds(50)))).containsExactly("a", "c", "d");
        assertThat(view.taggedSize()).isEqualTo(4);
    }

    @Test
    void anOldPostingTaggedLateReachesTheDigestsButNotTheFeeds() {
        TaggedItem old = tagged(job("old", NOW.minus(Duration.ofDays(20))), NOW.minusSeconds(60));
        assertThat(view.put(old)).isTrue();

        assertThat(view.size()).isZero();
        assertThat(view.query(ViewQuery.all()).items()).isEmpty();
        assertThat(view.countsBySetting()).containsEntry("hospital", 0);
        assertThat(idsOf(view.recentlyTagged())).containsExactly("old");
    }

    @Test
    void itemsLeaveOnWritesNotInGetters() {
        view.put(tagged(job("x", NOW.minus(Duration.ofDays(13))), NOW.minus(Duration.ofDays(13))));
        clock.now = NOW.plus(Duration.ofDays(2));

        // out of the window: no longer offered, but a read deletes nothing
        assertThat(view.recentlyTagged()).isEmpty();
        assertThat(view.taggedSize()).isEqualTo(1);
        long version = view.version();

        // the next write evicts it
        view.put(tagged(job("y", clock.now.minusSeconds(60)), clock.now));
        assertThat(idsOf(view.recentlyTagged())).containsExactly("y");
        assertThat(view.taggedSize()).isEqualTo(1);
        assertThat(view.version()).isGreaterThan(version);
    }

    @Test
    void aScheduledEvictionEmptiesEachOrderOnItsOwnClock() {
        // in the feeds (published a day ago) after its tagged time left the window, and the other way round
        view.put(tagged(job("feedOnly", NOW.minus(Duration.ofDays(1))), NOW.minus(Duration.ofDays(15))));
        view.put(tagged(job("digestOnly", NOW.minus(Duration.ofDays(20))), NOW.minus(Duration.ofDays(1))));
        assertThat(ids(view.query(ViewQuery.all()))).containsExactly("feedOnly");
        assertThat(idsOf(view.recentlyTagged())).containsExactly("digestOnly");

        clock.now = NOW.plus(Duration.ofDays(14));
        assertThat(view.evictExpired()).isEqualTo(2);
        assertThat(view.size()).isZero();
        assertThat(view.taggedSize()).isZero();
        assertThat(view.evictExpired()).isZero();
    }

    @Test
    void replacingRemovingAndIrrelevanceApplyToBothOrders() {
        TaggedItem a = tagged(job("a", NOW.minusSeconds(300)), NOW.minusSeconds(200));
        view.put(a);
        view.put(tagged(job("b", NOW.minusSeconds(250)), NOW.minusSeconds(150)));
        // re-tagged: moves to the front of the digests' order, stays once
        view.put(tagged(a, NOW.minusSeconds(100)));
        assertThat(idsOf(view.recentlyTagged())).containsExactly("a", "b");
        assertThat(view.taggedSize()).isEqualTo(2);

        view.put(Items.irrelevant(a));
        assertThat(idsOf(view.recentlyTagged())).containsExactly("b");
        assertThat(ids(view.query(ViewQuery.all()))).containsExactly("b");

        assertThat(view.remove("b")).isTrue();
        assertThat(view.recentlyTagged()).isEmpty();
        assertThat(view.size()).isZero();
    }

    @Test
    void theCapTrimsTheOldestOfEachOrder() {
        FeedView small = new FeedView(Duration.ofDays(14), 2, clock);
        for (int i = 0; i < 4; i++) small.put(tagged(job("j" + i, NOW.minusSeconds(100 + i)), NOW.minusSeconds(50 - i)));
        assertThat(ids(small.query(ViewQuery.all()))).containsExactly("j0", "j1");
        assertThat(idsOf(small.recentlyTagged())).containsExactly("j3", "j2");
        assertThat(small.taggedSize()).isEqualTo(2);
    }

    private static TaggedItem job(String id, Instant published) {
        return Items.job(id, published, List.of("hospital"), List.of(), "TX");
    }

    private static TaggedItem tagged(TaggedItem item, Instant at) {
        return Items.taggedAt(item, at);
    }

    private static List<String> idsOf(List<TaggedItem> items) {
        return items.stream().map(TaggedItem::id).toList();
    }
}
