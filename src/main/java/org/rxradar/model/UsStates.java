package org.rxradar.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** US state names and their two-letter postal codes: the 50 states, the District of Columbia and Puerto Rico. */
public final class UsStates {
    private static final String[] NAMES = {
        "AL", "Alabama", "AK", "Alaska", "AZ", "Arizona", "AR", "Arkansas", "CA", "California", "CO", "Colorado",
        "CT", "Connecticut", "DE", "Delaware", "DC", "District of Columbia", "FL", "Florida", "GA", "Georgia",
        "HI", "Hawaii", "ID", "Idaho", "IL", "Illinois", "IN", "Indiana", "IA", "Iowa", "KS", "Kansas",
        "KY", "Kentucky", "LA", "Louisiana", "ME", "Maine", "MD", "Maryland", "MA", "Massachusetts", "MI", "Michigan",
        "MN", "Minnesota", "MS", "Mississippi", "MO", "Missouri", "MT", "Montana", "NE", "Nebraska", "NV", "Nevada",
        "NH", "New Hampshire", "NJ", "New Jersey", "NM", "New Mexico", "NY", "New York", "NC", "North Carolina",
        "ND", "North Dakota", "OH", "Ohio", "OK", "Oklahoma", "OR", "Oregon", "PA", "Pennsylvania", "RI", "Rhode Island",
        "SC", "South Carolina", "SD", "South Dakota", "TN", "Tennessee", "TX", "Texas", "UT", "Utah", "VT", "Vermont",
        "VA", "Virginia", "WA", "Washington", "WV", "West Virginia", "WI", "Wisconsin", "WY", "Wyoming", "PR", "Puerto Rico"};
    // lower-case name or code -> code
    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (int i = 0; i < NAMES.length; i += 2) {
            CODES.put(NAMES[i].toLowerCase(Locale.ROOT), NAMES[i]);
            CODES.put(NAMES[i + 1].toLowerCase(Locale.ROOT), NAMES[i]);
        }
    }

    private UsStates() {}

    /** The code of an exact lower-case name or code ("texas", "tx"), without normalising: for hot paths. */
    public static String lowerCaseCode(String lowerCaseNameOrCode) {
        return lowerCaseNameOrCode == null ? null : CODES.get(lowerCaseNameOrCode);
    }

    /** Every full name ("New York"), in the table's order. */
    public static java.util.List<String> names() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 1; i < NAMES.length; i += 2) out.add(NAMES[i]);
        return out;
    }

    /**
     * The two-letter code of a state given by name ("Texas", "new york") or code ("TX", "tx"), or
     * null when the text names none. Case, extra spaces and a trailing period do not matter.
     */
    public static String code(String nameOrCode) {
        if (nameOrCode == null) return null;
        String key = nameOrCode.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (key.endsWith(".")) key = key.substring(0, key.length() - 1);
        return CODES.get(key);
    }
}
