package org.rxradar.digest;

import java.time.LocalDate;
import java.util.List;
import org.rxradar.model.Subscriber;
import org.rxradar.model.TaggedItem;

/** Plugs the {@link DigestService} into the {@link DeliverStage}: a refusal for good becomes a recorded failure. */
public final class DigestSender implements DeliverStage.Sender {
    private final DigestService service;

    public DigestSender(DigestService service) {
        this.service = service;
    }

    @Override
    public DeliverStage.Outcome send(Subscriber subscriber, List<TaggedItem> candidates, LocalDate period, BeforeSend beforeSend)
            throws DeliveryException {
        try {
            DeliveryResult r = service.deliver(subscriber, candidates, period, beforeSend);
            String how = r.sent() ? service.mailer().describe() : "skipped";
            return new DeliverStage.Outcome(r.sent(), r.messageId(), r.itemIds(), r.leadCount(), r.newsCount(), how, null);
        } catch (PermanentDeliveryException e) {
            return new DeliverStage.Outcome(false, null, List.of(), 0, 0, "failed", e.getMessage());
        }
    }
}
