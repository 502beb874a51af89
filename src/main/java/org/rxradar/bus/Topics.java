package org.rxradar.bus;

import java.util.List;
import java.util.Map;
import org.rxradar.model.Kind;

/**
 * Every topic RxRadar uses, defined once. Keys are UTF-8 strings; values are the JSON records of
 * {@code org.rxradar.model} (see the README's "Topics" and "Record schema").
 */
public final class Topics {
    /** Raw news items from the fetchers, key = item id. */
    public static final String NEWS_RAW = "rxradar.news.raw";
    /** Raw job leads from the fetchers, key = item id. */
    public static final String LEADS_RAW = "rxradar.leads.raw";
    /** Tagged items from the tagger, key = item id. */
    public static final String ITEMS_TAGGED = "rxradar.items.tagged";
    /** Subscriber events, compacted, key = subscriber id. */
    public static final String SUBSCRIPTIONS = "rxradar.subscriptions";
    /** One record per digest sent, key = subscriber id + "/" + period. */
    public static final String DIGESTS = "rxradar.digests";
    /** Daily trend snapshots, compacted, key = ISO day ("2026-11-24"). */
    public static final String TRENDS = "rxradar.trends";
    /**
     * The sources to poll, compacted, key = source id, value = the source's configuration (without
     * secrets), a tombstone for a source removed from the configuration. Its partitions divide the
     * sources among the instances (consumer group {@code <prefix>.fetch}).
     */
    public static final String SOURCES = "rxradar.sources";
    /**
     * Each source's fetch state (validators, seen ids, pause, Retry-After), compacted, key = source id
     * (and {@code <id>#part-<n>} for a large state's parts); co-partitioned with {@link #SOURCES}: same
     * partition count, each state in its source's partition number.
     */
    public static final String FETCH_STATE = "rxradar.fetch.state";
    /**
     * The latest alert result per subscriber and notify target, compacted, key = subscriber id + "/" +
     * target id: shown by {@code subscribers show}, and what keeps new-leads alerts from being sent twice.
     */
    public static final String NOTIFY = "rxradar.notify";
    /** Records that could not be processed: original bytes, the reason in headers. */
    public static final String DEADLETTER = "rxradar.deadletter";

    /** Per-topic settings beyond partitions: subscriptions and digests are compacted so the latest per key survives forever. */
    static final Map<String, Map<String, String>> CONFIGS = Map.of(
            NEWS_RAW, Map.of("retention.ms", String.valueOf(30L * 24 * 3600 * 1000)),
            LEADS_RAW, Map.of("retention.ms", String.valueOf(30L * 24 * 3600 * 1000)),
            ITEMS_TAGGED, Map.of("retention.ms", String.valueOf(90L * 24 * 3600 * 1000)),
            SUBSCRIPTIONS, Map.of("cleanup.policy", "compact"),
            DIGESTS, Map.of("cleanup.policy", "compact"),
            TRENDS, Map.of("cleanup.policy", "compact"),
            SOURCES, Map.of("cleanup.policy", "compact"),
            FETCH_STATE, Map.of("cleanup.policy", "compact"),
            NOTIFY, Map.of("cleanup.policy", "compact"),
            DEADLETTER, Map.of("retention.ms", String.valueOf(30L * 24 * 3600 * 1000)));

    public static final List<String> ALL = List.of(NEWS_RAW, LEADS_RAW, ITEMS_TAGGED, SUBSCRIPTIONS, DIGESTS, TRENDS, DEADLETTER,
            SOURCES, FETCH_STATE, NOTIFY);

    private Topics() {}

    public static String rawTopicFor(Kind kind) {
        return kind == Kind.JOB ? LEADS_RAW : NEWS_RAW;
    }
}
