package org.rxradar.ops;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.List;
import org.rxradar.model.Subscriber;
import org.rxradar.digest.BeforeSend;
import org.rxradar.digest.DeliverStage;
import org.rxradar.digest.DeliveryResult;
import org.rxradar.model.TaggedItem;

/**
 * Counts what the digest sender does, for {@code /metrics}: {@code rxradar.digests.sent},
 * {@code rxradar.digests.skipped} (nothing new), {@code rxradar.digests.failed} with
 * {@code reason=permanent} (refused for good, recorded) or {@code reason=temporary} (retried at
 * the next check).
 */
public final class CountingSender implements DeliverStage.Sender {
    private final DeliverStage.Sender inner;
    private final MeterRegistry registry;

    public CountingSender(DeliverStage.Sender inner, MeterRegistry registry) {
        this.inner = inner;
        this.registry = registry;
    }

    @Override
    public DeliveryResult send(Subscriber subscriber, List<TaggedItem> candidates, LocalDate period, BeforeSend beforeSend)
            throws Exception {
        DeliveryResult result;
        try {
            result = inner.send(subscriber, candidates, period, beforeSend);
        } catch (Exception e) {
            registry.counter("rxradar.digests.failed", "reason", "temporary").increment();
            throw e;
        }
        if (result.sent()) registry.counter("rxradar.digests.sent").increment();
        else if (result.status() == DeliveryResult.Status.FAILED) registry.counter("rxradar.digests.failed", "reason", "permanent").increment();
        else registry.counter("rxradar.digests.skipped").increment();
        return result;
    }
}
