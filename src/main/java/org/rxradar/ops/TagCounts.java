package org.rxradar.ops;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Function;
import org.rxradar.model.Item;
import org.rxradar.model.TaggedItem;

/**
 * Counts tagged items per tag ({@code rxradar.items.tagged.by.tag}, facet and tag as labels;
 * the taxonomy keeps them few) by wrapping the tagging function, so the counts come from the
 * tagger itself and not from a view that replays the topic at every start.
 */
public final class TagCounts {
    private TagCounts() {}

    public static Function<Item, TaggedItem> counting(Function<Item, TaggedItem> tagger, MeterRegistry registry) {
        return item -> {
            TaggedItem t = tagger.apply(item);
            for (String s : t.settings()) registry.counter("rxradar.items.tagged.by.tag", "facet", "setting", "tag", s).increment();
            for (String s : t.topics()) registry.counter("rxradar.items.tagged.by.tag", "facet", "topic", "tag", s).increment();
            registry.counter("rxradar.items.tagged.by.kind", "kind", String.valueOf(t.kind()), "relevant", String.valueOf(t.relevant()))
                    .increment();
            return t;
        };
    }
}
