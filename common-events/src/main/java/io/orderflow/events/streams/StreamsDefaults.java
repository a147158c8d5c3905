package io.orderflow.events.streams;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings every service runs with. One place, so no service can quietly run
 * at-least-once or share a state directory with another.
 *
 * @param applicationId     the Streams application id (also the consumer group and internal topic prefix)
 * @param bootstrapServers  Kafka bootstrap servers
 * @param dataDir           the service's data directory; state lives in {@code dataDir/streams/applicationId}
 * @param replicationFactor for internal topics: 1 for a one-broker laptop, 3 in production
 * @param standbyReplicas   warm copies of each store on other instances, for fast fail-over
 * @param applicationServer host:port this instance answers interactive queries on, or null
 */
public record StreamsDefaults(String applicationId, String bootstrapServers, Path dataDir, int replicationFactor,
        int standbyReplicas, String applicationServer) {

    public StreamsDefaults {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(dataDir, "dataDir");
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1");
        }
    }

    public Path stateDir() {
        return dataDir.resolve("streams").resolve(applicationId);
    }

    public Map<String, Object> toProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir().toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        // Under exactly-once the commit interval is the latency floor of every hop; 100 ms is the EOS default,
        // stated here so a change to it is a visible decision.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // Every store, repartition topic and processor is named in code; refuse generated names at start-up.
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // Internal topics must survive one broker loss in production without refusing writes.
        props.put(StreamsConfig.topicPrefix("min.insync.replicas"), Math.max(1, Math.min(2, replicationFactor - 1)));
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        // Under load a fetch waits for a few records rather than returning each one alone: fewer fetch requests
        // for the broker to serve, for at most 20 ms more per hop when traffic is light.
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), 16_384);
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 20);
        // A dead instance's partitions move after 10 s rather than 45 s.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
        if (applicationServer != null && !applicationServer.isBlank()) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        return props;
    }
}
