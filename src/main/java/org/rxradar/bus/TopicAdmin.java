package org.rxradar.bus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics RxRadar needs when they are missing; existing topics are left as they are. */
public final class TopicAdmin {
    private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);

    private TopicAdmin() {}

    public static void ensureTopics(KafkaClients clients, int partitions, short replicationFactor) {
        try (Admin admin = Admin.create(clients.common())) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : Topics.ALL) {
                if (existing.contains(name)) continue;
                missing.add(new NewTopic(name, partitions, replicationFactor).configs(Topics.CONFIGS.getOrDefault(name, Map.of())));
            }
            if (missing.isEmpty()) return;
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(60, TimeUnit.SECONDS);
                    log.info("Created topic {} ({} partitions)", entry.getKey(), partitions);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw e; // another instance won the race
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusException("interrupted while creating topics", e);
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new BusException("cannot create topics on " + clients.bootstrapServers() + ": " + cause.getMessage()
                    + " (check kafka.bootstrap-servers)", cause);
        }
    }
}
