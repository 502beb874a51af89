package org.rxradar.notify;

import java.util.List;
import org.rxradar.model.TaggedItem;

/**
 * What one subscriber's targets are told at once: job leads, with the digest or as they arrive.
 *
 * @param subscriberId the subscriber's id; their email address is never sent to a target (a third party)
 * @param name         the subscriber's name, null when they gave none
 * @param event        {@link #DIGEST} or {@link #NEW_LEADS}
 * @param leads        the tagged job leads, best first
 */
public record Alert(String subscriberId, String name, String event, List<TaggedItem> leads) {
    public static final String DIGEST = "digest";
    public static final String NEW_LEADS = "new-leads";

    public Alert {
        leads = List.copyOf(leads);
    }

    public List<String> itemIds() {
        return leads.stream().map(TaggedItem::id).toList();
    }
}
