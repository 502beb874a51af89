package org.rxradar.digest;

import java.time.LocalDate;
import java.util.List;
import org.rxradar.model.Subscriber;

/**
 * What one subscriber receives for one period, before rendering.
 *
 * @param subscriberId  see {@link SubscriberIds}
 * @param period        the day (in the subscriber's time zone) the digest is for
 * @param jobSections   leads grouped by setting, best first within each
 * @param newsSections  news grouped by topic
 * @param leadCount     lead entries shown (clusters count once)
 * @param newsCount     news entries shown
 * @param matchedLeads  lead entries that matched before the cap
 * @param matchedNews   news entries that matched before the cap
 * @param itemIds       every item id shown, cluster members included: the ids to record as delivered
 * @param jobsFeedUrl   the full feed of leads for this subscriber (per setting when they follow one)
 * @param newsFeedUrl   the full news feed (per topic when they follow one)
 */
public record Digest(
        Subscriber subscriber,
        String subscriberId,
        LocalDate period,
        List<DigestSection> jobSections,
        List<DigestSection> newsSections,
        int leadCount,
        int newsCount,
        int matchedLeads,
        int matchedNews,
        List<String> itemIds,
        String jobsFeedUrl,
        String newsFeedUrl) {

    public Digest {
        jobSections = List.copyOf(jobSections);
        newsSections = List.copyOf(newsSections);
        itemIds = List.copyOf(itemIds);
    }

    public boolean isEmpty() {
        return leadCount == 0 && newsCount == 0;
    }

    public boolean leadsCapped() {
        return matchedLeads > leadCount;
    }

    public boolean newsCapped() {
        return matchedNews > newsCount;
    }
}
