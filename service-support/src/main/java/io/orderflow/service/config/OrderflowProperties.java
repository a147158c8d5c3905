package io.orderflow.service.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every service shares. Defaults are in {@code orderflow-defaults.properties}; each can be set
 * by environment variable ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code ORDERFLOW_DATA_DIR}, ...).
 *
 * @param kafka        how to reach Kafka and how durable internal topics are
 * @param dataDir      where this instance keeps its Kafka Streams state (one directory per instance)
 * @param advertisedHost the host name other instances use to reach this one for interactive queries
 * @param commandTimeoutMs how long an HTTP request waits for its command to be applied before answering 503
 * @param orderTimeout how long an order may wait for its checks: one still undecided after this (by its creation
 *                     time) is rejected {@code TIMED_OUT}, a validated one not yet shipped is reported. A setting of
 *                     the suite's contract ({@code ORDERFLOW_ORDER_TIMEOUT}); orders-service is the one that acts on it
 * @param streams      the bounds health holds the Kafka Streams application to
 */
@ConfigurationProperties("orderflow")
public record OrderflowProperties(Kafka kafka, Path dataDir, @DefaultValue("localhost") String advertisedHost,
        @DefaultValue("10000") long commandTimeoutMs, @DefaultValue("5m") Duration orderTimeout,
        @DefaultValue Streams streams) {

    /**
     * The settings the binding gives when nothing is set but these two (what {@code orderflow-defaults.properties}
     * and the {@code @DefaultValue}s say; {@code OrderflowPropertiesTest} holds them equal): for topology tests,
     * which run with the production Streams settings ({@link StreamsSettings}) without a Spring context.
     */
    public static OrderflowProperties defaults(String bootstrapServers, Path dataDir) {
        return new OrderflowProperties(new Kafka(bootstrapServers, 1, 1, 0, 50, Map.of()), dataDir, "localhost", 10_000,
                Duration.ofMinutes(5), new Streams(Duration.ofMinutes(5), 5, Duration.ofMinutes(10)));
    }

    /**
     * @param bootstrapServers  Kafka bootstrap servers
     * @param replicationFactor of the topics this suite creates and of the Streams apps' internal topics: 1 on a
     *                          one-broker laptop, 3 in production
     * @param minInsyncReplicas of all of those; 2 with 3 replicas
     * @param standbyReplicas   warm store copies kept on other instances of the same service
     * @param commitIntervalMs  the Streams commit interval under exactly-once: the latency floor of each hop
     * @param client            further settings for every Kafka client of the service, by their Kafka names
     *                          ({@code orderflow.kafka.client.security.protocol=SASL_SSL},
     *                          {@code ORDERFLOW_KAFKA_CLIENT_SASL_MECHANISM=SCRAM-SHA-512}, ...): how to reach and
     *                          authenticate to the brokers, set once for all of them
     */
    public record Kafka(String bootstrapServers, @DefaultValue("1") int replicationFactor,
            @DefaultValue("1") int minInsyncReplicas, @DefaultValue("0") int standbyReplicas,
            @DefaultValue("50") long commitIntervalMs, @DefaultValue Map<String, String> client) {

        public Kafka {
            client = Map.copyOf(client);
        }

        /**
         * What every Kafka client of the service starts from (Streams, the command gateways and their result
         * listeners, the dead-letter producer, the admin client of health and topic creation): where the brokers
         * are and how to connect to them. A client adds only what is its own (acks, timeouts, its id).
         */
        public Map<String, Object> clientProperties() {
            Map<String, Object> properties = new HashMap<>(client);
            properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            return properties;
        }
    }

    /**
     * @param notRunningTimeout      not RUNNING for longer than this (from start, or since a rebalance began): readiness DOWN
     * @param maxThreadReplacements  stream threads replaced after an unexpected error at most this often ...
     * @param threadReplacementWindow ... within this window; one more and the client shuts down (liveness DOWN)
     */
    public record Streams(@DefaultValue("PT5M") Duration notRunningTimeout, @DefaultValue("5") int maxThreadReplacements,
            @DefaultValue("PT10M") Duration threadReplacementWindow) {
    }
}
