package org.rxradar.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Publishes the Kafka clients' own metrics (request rates, record lag, batch sizes…) to
 * Micrometer, tagged with each client's id. Binding reads only {@code metrics()}, which the
 * clients allow from any thread. Close it to stop the binders' refresh.
 */
public final class KafkaClientBinder implements AutoCloseable {
    private final MeterRegistry registry;
    private final List<KafkaClientMetrics> bound = new ArrayList<>();

    public KafkaClientBinder(MeterRegistry registry) {
        this.registry = registry;
    }

    // a stage's consumer and producer share a client id: the role tag keeps their meters apart
    // (without it both register kafka.app.info.start.time.ms under the same id, and Micrometer warns)
    public KafkaClientBinder consumer(Consumer<?, ?> consumer) {
        return bind(new KafkaClientMetrics(consumer, List.of(Tag.of("kafka.role", "consumer"))));
    }

    public KafkaClientBinder producer(Producer<?, ?> producer) {
        return bind(new KafkaClientMetrics(producer, List.of(Tag.of("kafka.role", "producer"))));
    }

    private synchronized KafkaClientBinder bind(KafkaClientMetrics m) {
        m.bindTo(registry);
        bound.add(m);
        return this;
    }

    @Override
    public synchronized void close() {
        bound.forEach(KafkaClientMetrics::close);
        bound.clear();
    }
}
