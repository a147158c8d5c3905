package io.orderflow.testsupport.kafka;

import java.util.Arrays;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Topics a test's own application needs on the single-node test broker, as one bean its KafkaAdmin creates. */
public final class TestTopics {

    private TestTopics() {
    }

    /** One partition and one replica each: order is the test's to see, and the broker has one node. */
    public static KafkaAdmin.NewTopics onePartitionEach(String... names) {
        return new KafkaAdmin.NewTopics(Arrays.stream(names)
                .map(name -> TopicBuilder.name(name).partitions(1).replicas(1).build()).toArray(NewTopic[]::new));
    }
}
