package org.rxradar.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rxradar.model.Item;
import org.rxradar.model.TaggedItem;
import org.rxradar.model.Taxonomy;

class RobustnessTest {
    private final Tagger tagger = Tagger.builtIn();

    @Test
    void oddTextNeverBreaksTheTagger() {
        Random random = new Random(42);
        String alphabet = "aeiou ptcb$,.-/;:()'’\n0123456789kK<>éß漢\t";
        Tagger rules = Tagger.rulesOnly();
        for (int n = 0; n < 500; n++) {
            StringBuilder s = new StringBuilder();
            int len = random.nextInt(300);
            for (int i = 0; i < len; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String text = s.toString();
            // every text through the rules; one in ten through the sentence model too (each costs milliseconds)
            Tagger t = n % 10 == 0 ? tagger : rules;
            assertThatNoException().isThrownBy(() -> t.tag(Items.job(text, text, text, text)));
            assertThatNoException().isThrownBy(() -> t.tag(Items.news(text, text)));
        }
        assertThat(tagger.tag(Items.job("$", "$ $,  $1,2 $.5 $99999999999999999 up to $ - $ k")).salary()).isNull();
    }

    @Test
    void everyTaxonomyTagHasBuiltInCues() {
        TaggingRules rules = new RulesReader().read(Tagger.class.getClassLoader().getResourceAsStream(Tagger.BUILT_IN), "built-in").build();
        assertThat(rules.settings.keySet()).containsExactlyInAnyOrderElementsOf(Taxonomy.SETTINGS);
        assertThat(rules.topics.keySet()).containsExactlyInAnyOrderElementsOf(Taxonomy.TOPICS);
    }

    @Test
    void oneTaggerServesManyThreadsWithTheSameAnswers() throws Exception {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            items.add(Items.job("IV Pharmacy Technician " + i, "Inpatient IV room, CPhT required, $" + (18 + i % 7) + "/hr, nights.",
                    i % 2 == 0 ? "Walgreens" : "CVS Specialty", "Fresno, CA"));
        }
        List<TaggedItem> expected = items.stream().map(tagger::tag).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<TaggedItem>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) runs.add(pool.submit(() -> items.stream().map(tagger::tag).toList()));
            for (Future<List<TaggedItem>> run : runs) {
                List<TaggedItem> got = run.get();
                for (int i = 0; i < got.size(); i++) {
                    assertThat(got.get(i).settings()).isEqualTo(expected.get(i).settings());
                    assertThat(got.get(i).salary()).isEqualTo(expected.get(i).salary());
                    assertThat(got.get(i).cluster()).isEqualTo(expected.get(i).cluster());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
