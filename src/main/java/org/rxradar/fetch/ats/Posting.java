package org.rxradar.fetch.ats;

import java.time.Instant;
import org.rxradar.fetch.ItemFactory;
import org.rxradar.model.Item;
import org.rxradar.model.JobPosting;
import org.rxradar.model.Place;
import org.rxradar.model.Salary;

/**
 * One posting as an API describes it, before it becomes an {@link Item}: the fields every platform
 * has in some form. The item carries them in its structured {@code posting}, exactly as schema.org
 * JSON-LD on a career page does, so nothing downstream knows where a lead came from.
 *
 * @param url             the posting's public page (the item id is derived from it)
 * @param guid            the platform's own id, used when there is no url
 * @param title           plain text or HTML
 * @param descriptionHtml the posting's text, HTML or plain
 * @param place           city, two-letter state, remote; null when not stated
 * @param salary          advertised pay with its unit; null when not stated
 * @param employment      FULL_TIME, PART_TIME, PER_DIEM, CONTRACT, TEMPORARY (or the platform's words)
 */
public record Posting(String url, String guid, String title, String descriptionHtml, Instant posted, String employer,
                      Place place, Salary salary, String employment, Instant validThrough, String identifier) {

    /** The item, or null when the posting has neither a url, an id nor a title. */
    public Item toItem(ItemFactory factory) {
        JobPosting posting = new JobPosting(salary, employment, place, validThrough, identifier, null);
        return factory.create(url, guid, title, descriptionHtml, posted, employer, place == null ? null : place.text(), posting);
    }
}
