package org.rxradar.model;

import java.util.List;

/** The tag ids of the shared taxonomy (TAXONOMY.md): the contract for tags everywhere. */
public final class Taxonomy {
    public static final List<String> SETTINGS = List.of(
            "hospital", "retail", "long-term-care", "clinic", "industry", "mail-order",
            "specialty", "compounding", "home-infusion", "nuclear", "government");

    public static final List<String> TOPICS = List.of(
            "certification", "continuing-education", "compounding", "hazardous-drugs", "regulation",
            "technology", "workforce", "drug-supply", "events", "career");

    public static final List<String> CERTIFICATIONS = List.of("PTCB-CPhT", "NHA-ExCPT", "STATE-LICENSE", "CSPT");
    public static final List<String> EMPLOYMENT = List.of("FULL_TIME", "PART_TIME", "PER_DIEM", "CONTRACT", "TEMPORARY");
    public static final List<String> SHIFTS = List.of("DAY", "EVENING", "NIGHT", "WEEKEND", "ROTATING");

    private Taxonomy() {}

    public static boolean isSetting(String id) {
        return SETTINGS.contains(id);
    }

    public static boolean isTopic(String id) {
        return TOPICS.contains(id);
    }
}
