package io.orderflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real broker child JVM, as run-local.sh starts it, on free ports in a temporary data dir. */
class KafkaBrokerProcessIT {

    private static final String TOPIC = "local-stack-it";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    private KafkaBrokerProcess broker;

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void keepsTopicsAndRecordsAcrossARestartOnTheSameDataDir() throws Exception {
        broker = new KafkaBrokerProcess(dataDir, ProcessSupport.freePort(), ProcessSupport.freePort(),
                System.getProperty("java.class.path"));

        assertThat(broker.formatStorageIfNeeded()).as("first start formats").isTrue();
        String clusterId = broker.clusterId();
        broker.start();
        broker.awaitReady(STARTUP);
        assertThat(broker.createTopics(List.of(TOPIC), 3)).containsExactly(TOPIC);
        produce("order-1", "placed");
        assertThat(readAll()).containsExactly("order-1=placed");

        assertThat(broker.stop(Duration.ofSeconds(30))).as("graceful stop").isTrue();
        assertThat(broker.isAlive()).isFalse();

        assertThat(broker.formatStorageIfNeeded()).as("restart reuses the storage").isFalse();
        broker.start();
        broker.awaitReady(STARTUP);
        assertThat(broker.clusterId()).isEqualTo(clusterId);
        assertThat(broker.createTopics(List.of(TOPIC), 3)).as("topic survived").isEmpty();
        assertThat(readAll()).containsExactly("order-1=placed");
        assertThat(Files.readString(broker.logFile())).as("the broker logs through log4j2")
                .contains("Kafka Server started");
    }

    private void produce(String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    /** Every record in the topic, read from the start without a consumer group (nothing to rebalance). */
    private List<String> readAll() {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.key() + "=" + r.value()));
                assertThat(seen).isNotEmpty();
            });
        }
        return seen;
    }
}
