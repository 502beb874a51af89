package org.rxradar.view;

import java.time.Instant;
import java.util.List;
import org.rxradar.model.TaggedItem;

/**
 * The answer to a {@link ViewQuery}, newest first.
 *
 * @param stamp        a hash of the entries' ids and change times: equal content gives an equal stamp,
 *                     on any instance, so it can serve as an ETag behind a load balancer
 * @param lastModified the latest change among the entries ({@link Instant#EPOCH} for an empty result)
 * @param viewVersion  the view's version when the query ran
 */
public record ViewResult(List<TaggedItem> items, String stamp, Instant lastModified, long viewVersion) {
    public ViewResult {
        items = List.copyOf(items);
    }
}
