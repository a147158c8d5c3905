package io.orderflow.service.config;

import io.orderflow.service.trace.TracingProcessorWrapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The one place that turns {@link OrderflowProperties} into Kafka Streams settings: every service runs with
 * these, and so do the topology tests ({@code TopologyTestDriver}), so no service can quietly run
 * at-least-once, share a state directory with another, or be tested with other settings than it runs with.
 * What the running app adds on top is only what needs a broker: its exception handlers and client supplier
 * ({@link KafkaStreamsSetup}).
 */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    /** Where an application keeps its Kafka Streams state: {@code <dataDir>/streams/<applicationId>}. */
    public static Path stateDir(OrderflowProperties properties, String applicationId) {
        return properties.dataDir().toAbsolutePath().resolve("streams").resolve(applicationId);
    }

    /**
     * @param applicationId     the Streams application id (also the consumer group and internal topic prefix)
     * @param applicationServer host:port this instance answers interactive queries on, or null
     */
    public static Map<String, Object> of(OrderflowProperties properties, String applicationId, String applicationServer) {
        Objects.requireNonNull(applicationId, "applicationId");
        OrderflowProperties.Kafka kafka = properties.kafka();
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(properties, applicationId).toString());
        // Internal topics (changelogs) as durable as the shared ones: one setting for both.
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, kafka.replicationFactor());
        props.put(StreamsConfig.topicPrefix("min.insync.replicas"), kafka.minInsyncReplicas());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, kafka.standbyReplicas());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        // Under exactly-once each hop waits for the upstream commit: this trades latency against transactions per second.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, kafka.commitIntervalMs());
        // Every store, repartition topic and processor is named in code; refuse generated names at start-up.
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        // Under load a fetch waits for a few records rather than returning each one alone: fewer fetch requests
        // for the broker to serve, for at most 20 ms more per hop when traffic is light.
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), 16_384);
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 20);
        // A dead instance's partitions move after 10 s rather than 45 s.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
        props.put(StreamsConfig.PROCESSOR_WRAPPER_CLASS_CONFIG, TracingProcessorWrapper.class);
        if (applicationServer != null && !applicationServer.isBlank()) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        return props;
    }
}
