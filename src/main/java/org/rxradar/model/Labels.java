package org.rxradar.model;

import java.util.Locale;
import java.util.Map;

/** Human labels for taxonomy ids and job fields: what a person reads in pages, feeds, digests and trends, never the id. */
public final class Labels {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("hospital", "Hospital"), Map.entry("retail", "Retail"),
            Map.entry("long-term-care", "Long-term care"), Map.entry("clinic", "Clinic"),
            Map.entry("industry", "Industry"), Map.entry("mail-order", "Mail order"),
            Map.entry("specialty", "Specialty"), Map.entry("compounding", "Compounding"),
            Map.entry("home-infusion", "Home infusion"), Map.entry("nuclear", "Nuclear"),
            Map.entry("government", "Government"),
            Map.entry("certification", "Certification"), Map.entry("continuing-education", "Continuing education"),
            Map.entry("hazardous-drugs", "Hazardous drugs"), Map.entry("regulation", "Regulation"),
            Map.entry("technology", "Technology"), Map.entry("workforce", "Workforce"),
            Map.entry("drug-supply", "Drug supply"), Map.entry("events", "Events"), Map.entry("career", "Career"),
            Map.entry("PTCB-CPhT", "PTCB CPhT"), Map.entry("NHA-ExCPT", "NHA ExCPT"),
            Map.entry("STATE-LICENSE", "State license"), Map.entry("CSPT", "CSPT"),
            Map.entry("FULL_TIME", "Full-time"), Map.entry("PART_TIME", "Part-time"),
            Map.entry("PER_DIEM", "Per diem"), Map.entry("CONTRACT", "Contract"), Map.entry("TEMPORARY", "Temporary"));

    /** Joins the ids of an either/or certification in a trend key: {@code PTCB-CPhT|NHA-ExCPT}. */
    public static final String ALTERNATIVES = "|";

    private Labels() {}

    /** The label of an id; an unknown id is shown as written, capitalised; alternatives ("a|b") read "A or B". */
    public static String of(String id) {
        if (id == null || id.isBlank()) return "";
        if (id.contains(ALTERNATIVES)) {
            return String.join(" or ", java.util.Arrays.stream(id.split("\\|")).filter(a -> !a.isBlank()).map(Labels::of).toList());
        }
        String known = LABELS.get(id);
        if (known != null) return known;
        String t = id.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }
}
