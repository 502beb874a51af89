package org.rxradar.notify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rxradar.digest.BeforeSend;
import org.rxradar.digest.DeliverStage;
import org.rxradar.digest.DeliveryResult;
import org.rxradar.model.Kind;
import org.rxradar.model.Subscriber;
import org.rxradar.model.TaggedItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code notify-when: digest}: once a digest has gone to the mail server, the subscriber's targets
 * get its job leads, in the digest's order, one per near-duplicate cluster. The email's outcome is
 * returned as it was, at once: the targets are served in the background, and nothing they do
 * changes what the digest log records (the email stays at most once).
 */
public final class DigestAlerts implements DeliverStage.Sender {
    private static final Logger log = LoggerFactory.getLogger(DigestAlerts.class);
    private final DeliverStage.Sender email;
    private final Notifier notifier;

    public DigestAlerts(DeliverStage.Sender email, Notifier notifier) {
        this.email = email;
        this.notifier = notifier;
    }

    @Override
    public DeliveryResult send(Subscriber subscriber, List<TaggedItem> candidates, LocalDate period, BeforeSend beforeSend)
            throws Exception {
        DeliveryResult result = email.send(subscriber, candidates, period, beforeSend);
        if (result.sent() && subscriber.notifyWhen() == Subscriber.NotifyWhen.DIGEST && !subscriber.notifyTargets().isEmpty()) {
            try {
                List<TaggedItem> leads = leads(result.itemIds(), candidates);
                if (!leads.isEmpty()) notifier.notifyAll(subscriber, new Alert(subscriber.id(), subscriber.name(), Alert.DIGEST, leads));
            } catch (RuntimeException e) {
                log.warn("Digest alerts for {} not sent: {}", subscriber.id(), e.toString());
            }
        }
        return result;
    }

    /** The digest's leads in its order, one per cluster. */
    static List<TaggedItem> leads(List<String> itemIds, List<TaggedItem> candidates) {
        Map<String, TaggedItem> byId = candidates.stream().collect(Collectors.toMap(TaggedItem::id, Function.identity(), (a, b) -> a));
        Set<String> clusters = new HashSet<>();
        List<TaggedItem> out = new ArrayList<>();
        for (String id : itemIds) {
            TaggedItem i = byId.get(id);
            if (i == null || i.kind() != Kind.JOB) continue;
            if (clusters.add(i.cluster() == null ? i.id() : i.cluster())) out.add(i);
        }
        return out;
    }
}
