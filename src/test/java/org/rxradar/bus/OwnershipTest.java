package org.rxradar.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The ownership registry: kept up to date by cooperative rebalances (which name only what changes), shown on /health. */
class OwnershipTest {
    private static final TopicPartition NEWS0 = new TopicPartition("rxradar.news.raw", 0);
    private static final TopicPartition NEWS1 = new TopicPartition("rxradar.news.raw", 1);
    private static final TopicPartition LEADS2 = new TopicPartition("rxradar.leads.raw", 2);

    @Test
    void aListenerAddsAndRemovesOnlyWhatARebalanceNamesThenCallsTheStagesOwn() {
        Ownership o = new Ownership("a");
        List<String> calls = new java.util.ArrayList<>();
        ConsumerRebalanceListener l = o.listener("tagger", new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(java.util.Collection<TopicPartition> p) {
                calls.add("revoked " + p + " while owned " + o.partitions("tagger"));
            }

            @Override
            public void onPartitionsAssigned(java.util.Collection<TopicPartition> p) {
                calls.add("assigned " + p);
            }
        });
        l.onPartitionsAssigned(List.of(NEWS1, NEWS0));
        l.onPartitionsAssigned(List.of(LEADS2));
        assertThat(o.partitions("tagger")).containsExactly(LEADS2, NEWS0, NEWS1);
        l.onPartitionsRevoked(List.of(NEWS0));
        assertThat(o.partitions("tagger")).containsExactly(LEADS2, NEWS1);
        l.onPartitionsLost(List.of(NEWS1, LEADS2));
        assertThat(o.partitions("tagger")).isEmpty();
        // the stage's own listener sees its partitions still owned while it stops their work
        assertThat(calls.get(2)).startsWith("revoked [rxradar.news.raw-0] while owned [rxradar.leads.raw-2, rxradar.news.raw-0");
    }

    @Test
    void theSnapshotNamesTheInstanceAndEachStagesPartitionsAndCounts() {
        Ownership o = new Ownership("rxradar-1");
        o.update("tagger", List.of(NEWS1, NEWS0));
        o.update("fetch", List.of(LEADS2));
        o.count("fetch", "sources", 12);
        assertThat(o.count("fetch", "sources")).isEqualTo(12);
        assertThat(o.count("tagger", "sources")).isEqualTo(-1);
        Map<String, Object> s = o.snapshot();
        assertThat(s).containsEntry("id", "rxradar-1");
        assertThat(s.get("stages")).isEqualTo(Map.of(
                "tagger", Map.of("partitions", List.of("rxradar.news.raw-0", "rxradar.news.raw-1")),
                "fetch", Map.of("partitions", List.of("rxradar.leads.raw-2"), "sources", 12)));
        o.clear("fetch");
        assertThat(o.snapshot().get("stages").toString()).doesNotContain("fetch").contains("tagger");
    }

    @Test
    void clientsNameTransactionalIdsAndStaticMembersAfterTheInstance() {
        KafkaClients a = new KafkaClients("127.0.0.1:1", "rxradar", Map.of(), "a");
        assertThat(a.transactionalId("tagger")).isEqualTo("rxradar-tagger-a");
        assertThat(a.groupInstanceId("tagger")).isEqualTo("a.tagger");
        assertThat(a.groupId("tagger")).isEqualTo("rxradar.tagger");
        assertThat(a.ownership().instanceId()).isEqualTo("a");
        KafkaClients b = a.withInstance("b");
        assertThat(b.transactionalId("tagger")).isEqualTo("rxradar-tagger-b");
        assertThat(b.ownership()).isNotSameAs(a.ownership());
        KafkaClients none = new KafkaClients("127.0.0.1:1", "rxradar", Map.of());
        assertThat(none.groupInstanceId("tagger")).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> none.transactionalId("tagger"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("instance id");
    }
}
