package org.rxradar.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** What an item is: a piece of industry news or a job lead. */
public enum Kind {
    NEWS, JOB;

    /** Accepts any case, and the config's plural-free spellings ("news", "job"). */
    @JsonCreator
    public static Kind parse(String text) {
        if (text == null) throw new IllegalArgumentException("kind is missing (expected news or job)");
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "news" -> NEWS;
            case "job", "jobs", "lead", "leads" -> JOB;
            default -> throw new IllegalArgumentException("unknown kind '" + text + "' (expected news or job)");
        };
    }
}
