package org.rxradar.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The two-letter codes of the 50 US states, DC and Puerto Rico, by code or full name. */
public final class UsStates {
    private static final String[] TABLE = {
        "AL", "Alabama", "AK", "Alaska", "AZ", "Arizona", "AR", "Arkansas", "CA", "California", "CO", "Colorado",
        "CT", "Connecticut", "DE", "Delaware", "DC", "District of Columbia", "FL", "Florida", "GA", "Georgia",
        "HI", "Hawaii", "ID", "Idaho", "IL", "Illinois", "IN", "Indiana", "IA", "Iowa", "KS", "Kansas",
        "KY", "Kentucky", "LA", "Louisiana", "ME", "Maine", "MD", "Maryland", "MA", "Massachusetts", "MI", "Michigan",
        "MN", "Minnesota", "MS", "Mississippi", "MO", "Missouri", "MT", "Montana", "NE", "Nebraska", "NV", "Nevada",
        "NH", "New Hampshire", "NJ", "New Jersey", "NM", "New Mexico", "NY", "New York", "NC", "North Carolina",
        "ND", "North Dakota", "OH", "Ohio", "OK", "Oklahoma", "OR", "Oregon", "PA", "Pennsylvania", "RI", "Rhode Island",
        "SC", "South Carolina", "SD", "South Dakota", "TN", "Tennessee", "TX", "Texas", "UT", "Utah", "VT", "Vermont",
        "VA", "Virginia", "WA", "Washington", "WV", "West Virginia", "WI", "Wisconsin", "WY", "Wyoming",
        "PR", "Puerto Rico"};
    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (int i = 0; i < TABLE.length; i += 2) {
            CODES.put(TABLE[i].toLowerCase(Locale.ROOT), TABLE[i]);
            CODES.put(TABLE[i + 1].toLowerCase(Locale.ROOT), TABLE[i]);
        }
        CODES.put("washington dc", "DC");
        CODES.put("washington d.c.", "DC");
    }

    private UsStates() {}

    /** "TX", "tx", "Texas" and " texas " give "TX"; anything else (null, "Ontario", "Tex") gives null. */
    public static String code(String nameOrCode) {
        if (nameOrCode == null) return null;
        String key = nameOrCode.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return key.isEmpty() ? null : CODES.get(key);
    }
}
