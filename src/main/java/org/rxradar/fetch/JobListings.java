package org.rxradar.fetch;

import java.util.Map;
import java.util.TreeMap;
import org.rxradar.fetch.ats.GreenhouseReader;
import org.rxradar.fetch.ats.JobListingReader;
import org.rxradar.fetch.ats.LeverReader;
import org.rxradar.fetch.ats.SmartRecruitersReader;
import org.rxradar.fetch.ats.UsaJobsReader;
import org.rxradar.fetch.ats.WorkdayReader;
import org.rxradar.fetch.page.SitemapReader;

/** The reader of each job-listing source type (see {@link org.rxradar.config.RxRadarConfig.Source#JOB_TYPES}). */
public final class JobListings {
    private static final Map<String, JobListingReader> READERS = new TreeMap<>(Map.of(
            "workday", new WorkdayReader(),
            "greenhouse", new GreenhouseReader(),
            "lever", new LeverReader(),
            "smartrecruiters", new SmartRecruitersReader(),
            "usajobs", new UsaJobsReader(),
            "sitemap", new SitemapReader()));

    private JobListings() {}

    /** The reader for {@code type}, or null when the type is no job-listing type. */
    public static JobListingReader forType(String type) {
        return READERS.get(type);
    }
}
