package org.rxradar.tag;

import org.rxradar.model.Item;
import org.rxradar.model.JobPosting;
import org.rxradar.model.Kind;

/** Builds items for the tests. */
final class Items {
    private static int seq;

    private Items() {}

    static Item job(String title, String summary) {
        return job(title, summary, null, null);
    }

    static Item job(String title, String summary, String employer, String location) {
        return new Item(Item.VERSION, "t-" + (++seq), Kind.JOB, "test", null, title, summary, null, false, null, null,
                employer, location, null);
    }

    static Item job(String title, String summary, String employer, String location, JobPosting posting) {
        return new Item(Item.VERSION, "t-" + (++seq), Kind.JOB, "test", null, title, summary, null, false, null, null,
                employer, location, posting);
    }

    static Item news(String title, String summary) {
        return new Item(Item.VERSION, "t-" + (++seq), Kind.NEWS, "test", null, title, summary, null, false, null, null,
                null, null, null);
    }
}
