package org.rxradar.fetch.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewestFirstTest {
    private static Instant day(int d) {
        return Instant.parse("2025-03-01T00:00:00Z").plusSeconds(86_400L * d);
    }

    @Test
    void keepsTheNewestAndGivesUpTheRestAsTheyCome() {
        NewestFirst<String> q = new NewestFirst<>(3);
        List<String> later = new ArrayList<>();
        String[] names = {"d5", "d1", "none", "d9", "d5b", "d7"};
        Instant[] when = {day(5), day(1), null, day(9), day(5), day(7)};
        for (int i = 0; i < names.length; i++) {
            String out = q.offer(names[i], when[i]);
            if (out != null) later.add(out);
        }

        // equal dates: the one listed first stays; no date: last of all
        assertThat(q.newestFirst()).containsExactly("d9", "d7", "d5");
        assertThat(later).containsExactlyInAnyOrder("d1", "none", "d5b");
        assertThat(q.size()).isEqualTo(3);
    }

    @Test
    void capacityZeroKeepsNothing() {
        NewestFirst<String> q = new NewestFirst<>(0);
        assertThat(q.offer("a", day(1))).isEqualTo("a");
        assertThat(q.newestFirst()).isEmpty();
    }
}
