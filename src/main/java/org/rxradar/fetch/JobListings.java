package org.rxradar.fetch;

import java.util.Map;
import java.util.TreeMap;
import org.rxradar.fetch.ats.JobListingReader;
import org.rxradar.fetch.ats.SmartRecruitersReader;
import org.rxradar.fetch.ats.WorkdayReader;

/** The reader of each job-listing source type (see {@link org.rxradar.config.RxRadarConfig.Source#JOB_TYPES}). */
public final class JobListings {
    private static final Map<String, JobListingReader> READERS = new TreeMap<>(Map.of(
            "smartrecruiters", new SmartRecruitersReader(),
            "workday", new WorkdayReader()));

    private JobListings() {}

    /** The reader for {@code type}, or null when the type is no job-listing type. */
    public static JobListingReader forType(String type) {
        return READERS.get(type);
    }
}
