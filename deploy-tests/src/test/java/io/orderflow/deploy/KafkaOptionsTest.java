package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** dcos/kafka-options.json gives the cluster the apps' settings assume. */
class KafkaOptionsTest {

    private final JsonNode options = Repo.kafkaOptions();

    @Test
    void threeBrokersReplicateEveryTopicThreeTimesAndAcknowledgeOnTwo() {
        assertThat(options.path("brokers").path("count").asInt()).isEqualTo(3);
        assertThat(options.path("kafka").path("default_replication_factor").asInt()).isEqualTo(3);
        assertThat(options.path("kafka").path("min_insync_replicas").asInt()).isEqualTo(2);
    }

    @Test
    void theTransactionLogSurvivesABrokerLossAsExactlyOnceNeeds() {
        JsonNode kafka = options.path("kafka");

        assertThat(kafka.path("transaction_state_log_replication_factor").asInt()).isEqualTo(3);
        assertThat(kafka.path("transaction_state_log_min_isr").asInt()).isEqualTo(2);
        assertThat(kafka.path("offsets_topic_replication_factor").asInt()).isEqualTo(3);
        assertThat(kafka.path("unclean_leader_election_enable").asBoolean(true)).isFalse();
    }

    @Test
    void topicsAreOnlyCreatedOnPurposeWithTheCodesPartitionCount() {
        assertThat(options.path("kafka").path("auto_create_topics_enable").asBoolean(true)).isFalse();
        assertThat(options.path("kafka").path("num_partitions").asInt())
                .isEqualTo(io.orderflow.events.topics.Topics.PARTITIONS);
    }

    @Test
    void brokersSpeakTheProtocolVersionExactlyOnceV2Needs() {
        assertThat(options.path("kafka").path("inter_broker_protocol_version").asString()).isEqualTo("2.5");
    }
}
