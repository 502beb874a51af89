package org.rxradar.trend;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rxradar.model.Json;

/**
 * One UTC day of trend state, as published to the compacted {@code rxradar.trends} topic keyed by
 * {@link #key()}. It carries the day's aggregates, its phrase counts (for rising terms) and the
 * keys it has counted (item ids and near-duplicate cluster ids), so that a restored store knows
 * what not to count again. A day's state only grows, so of two snapshots of one day the one with
 * more counted keys is the newer.
 *
 * @param relevantLeads            relevant job leads counted on the day
 * @param leadsBySetting           relevant leads per setting id (a lead may carry several)
 * @param leadsByState             relevant leads per two-letter state
 * @param hourlyPayBySetting       advertised hourly pay (annual / 2,080) of each lead, per setting
 * @param leadsAskingCertification relevant leads asking for at least one certification
 * @param certifications           relevant leads asking for each certification id; an either/or requirement
 *                                 under its alternatives joined by {@code |} ({@code PTCB-CPhT|NHA-ExCPT})
 * @param newsItems                relevant news items counted on the day
 * @param newsByTopic              relevant news items per topic id
 * @param termItems                items whose phrases were counted (the denominator for rising terms)
 * @param terms                    items containing each phrase (counted once per item)
 * @param counted                  item ids and cluster ids (prefixed {@code cluster:}) already counted
 */
public record TrendSnapshot(
        int v,
        LocalDate day,
        int relevantLeads,
        Map<String, Integer> leadsBySetting,
        Map<String, Integer> leadsByState,
        Map<String, List<Double>> hourlyPayBySetting,
        int leadsAskingCertification,
        Map<String, Integer> certifications,
        int newsItems,
        Map<String, Integer> newsByTopic,
        int termItems,
        Map<String, Integer> terms,
        List<String> counted) {

    public static final int VERSION = 1;

    public TrendSnapshot {
        Objects.requireNonNull(day, "day");
        leadsBySetting = leadsBySetting == null ? Map.of() : leadsBySetting;
        leadsByState = leadsByState == null ? Map.of() : leadsByState;
        hourlyPayBySetting = hourlyPayBySetting == null ? Map.of() : hourlyPayBySetting;
        certifications = certifications == null ? Map.of() : certifications;
        newsByTopic = newsByTopic == null ? Map.of() : newsByTopic;
        terms = terms == null ? Map.of() : terms;
        counted = counted == null ? List.of() : counted;
    }

    /** The Kafka record key: the ISO day, e.g. {@code 2026-11-24}. */
    public String key() {
        return day.toString();
    }

    public byte[] toJson() {
        return Json.bytes(this);
    }

    /** Parses a snapshot; a malformed one is an {@link IOException} for the caller to skip and log. */
    public static TrendSnapshot fromJson(byte[] bytes) throws IOException {
        TrendSnapshot snapshot;
        try {
            snapshot = Json.read(bytes, TrendSnapshot.class);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException("bad trend snapshot: " + e.getMessage(), e);
        }
        if (snapshot == null) throw new IOException("empty trend snapshot");
        return snapshot;
    }
}
