package org.rxradar.digest;

import java.util.List;
import org.rxradar.model.Kind;

/**
 * One line of a digest: a job lead or a news story, already cleaned for display (plain text, one
 * line each, safe links). A near-duplicate cluster is one entry with every link in {@link #links}.
 *
 * @param url      the main link (http or https), null when the item had no safe link
 * @param place    "Fresno, CA", "Remote" or the location as published; null when unknown
 * @param pay      see {@link PayFormat}; null when not advertised
 * @param certifications "Required: PTCB CPhT · Preferred: CSPT"; null when none
 * @param posted   the publication date in the subscriber's time zone ("Mon 23 Nov")
 * @param why      the matched tags, state and keywords
 * @param links    every source and link of the cluster, the main one first
 * @param itemIds  every item id the entry stands for
 */
public record DigestEntry(
        Kind kind,
        String title,
        String url,
        String employer,
        String place,
        String pay,
        String certifications,
        String employment,
        String shift,
        String posted,
        String source,
        String summary,
        List<String> why,
        List<Link> links,
        List<String> itemIds) {

    /** A place the same item was published. */
    public record Link(String source, String url) {}

    public DigestEntry {
        why = List.copyOf(why);
        links = List.copyOf(links);
        itemIds = List.copyOf(itemIds);
    }

    /** The links other than the main one (no {@code hasOtherLinks()}: Pebble would resolve {@code otherLinks} to it). */
    public List<Link> otherLinks() {
        return links.size() <= 1 ? List.of() : links.subList(1, links.size());
    }

    public String whyText() {
        return String.join(" \u00b7 ", why);
    }
}
