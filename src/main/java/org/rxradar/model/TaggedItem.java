package org.rxradar.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An item after tagging, as published to {@code rxradar.items.tagged} keyed by {@link #id}: the raw
 * item's fields (with {@code location} parsed into a {@link Place}) plus the taxonomy's fields.
 * Irrelevant items are kept with {@code relevant=false}; digests and feeds leave them out.
 *
 * @param settings       ids of the taxonomy's {@code settings} facet
 * @param topics         ids of the taxonomy's {@code topics} facet
 * @param scores         score per tag id that was assigned
 * @param evidence       the phrases that decided, per tag id (and per job field)
 * @param employment     FULL_TIME, PART_TIME, PER_DIEM, CONTRACT or TEMPORARY; null when not stated
 * @param shift          DAY, EVENING, NIGHT, WEEKEND, ROTATING
 * @param cluster        near-duplicate cluster id: the same job on several boards or stores shares one
 * @param tagged         when the tagger processed it
 * @param closed         job leads: when the posting closed (see {@link Item#closed}); a closed item is
 *                       also {@code relevant=false}, so every view that shows relevant items drops it
 */
public record TaggedItem(
        int v,
        String id,
        Kind kind,
        String source,
        String url,
        String title,
        String summary,
        Instant published,
        boolean publishedEstimated,
        Instant fetched,
        Instant updated,
        String employer,
        Place location,
        List<String> settings,
        List<String> topics,
        Map<String, Double> scores,
        Map<String, List<String>> evidence,
        boolean relevant,
        Salary salary,
        List<Certification> certifications,
        String employment,
        List<String> shift,
        String cluster,
        Instant tagged,
        Instant closed) {

    public static final int VERSION = 1;

    /** An open item (no {@code closed}). */
    public TaggedItem(int v, String id, Kind kind, String source, String url, String title, String summary,
                      Instant published, boolean publishedEstimated, Instant fetched, Instant updated, String employer,
                      Place location, List<String> settings, List<String> topics, Map<String, Double> scores,
                      Map<String, List<String>> evidence, boolean relevant, Salary salary,
                      List<Certification> certifications, String employment, List<String> shift, String cluster,
                      Instant tagged) {
        this(v, id, kind, source, url, title, summary, published, publishedEstimated, fetched, updated, employer,
                location, settings, topics, scores, evidence, relevant, salary, certifications, employment, shift,
                cluster, tagged, null);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public TaggedItem {
        settings = settings == null ? List.of() : List.copyOf(settings);
        topics = topics == null ? List.of() : List.copyOf(topics);
        scores = scores == null ? Map.of() : Map.copyOf(scores);
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
        certifications = certifications == null ? List.of() : List.copyOf(certifications);
        shift = shift == null ? List.of() : List.copyOf(shift);
    }
}
