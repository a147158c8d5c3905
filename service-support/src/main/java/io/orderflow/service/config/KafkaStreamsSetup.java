package io.orderflow.service.config;

import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import io.orderflow.service.metrics.StateStoreTagFilter;
import io.orderflow.service.streams.DeadLetterHandler;
import io.orderflow.service.streams.KafkaConnectivityHealth;
import io.orderflow.service.streams.KafkaStreamsHealth;
import io.orderflow.service.streams.SizeCheckedClients;
import io.orderflow.service.streams.StreamThreadReplacement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The Kafka Streams application of a service, set up the same way in all five: exactly-once, state in the
 * instance's data directory, the shared topics created before the topology starts, health tied to the
 * Streams state. A service imports this and declares its topology as a bean taking a {@code StreamsBuilder}.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(OrderflowProperties.class)
public class KafkaStreamsSetup {

    @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration defaultKafkaStreamsConfig(OrderflowProperties properties,
            @Value("${spring.application.name}") String applicationId, @Value("${server.port}") int port) {
        Map<String, Object> config = StreamsSettings.of(properties, applicationId, properties.advertisedHost() + ":" + port);
        // The handlers write dead letters to the broker, so they are the running app's, not the topology tests'.
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        config.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        return new KafkaStreamsConfiguration(config);
    }

    /**
     * The admin client of topic creation and of health, connected like every other client of the service
     * ({@link OrderflowProperties.Kafka#clientProperties()}); a start without a reachable broker fails.
     */
    @Bean
    KafkaAdmin kafkaAdmin(OrderflowProperties properties) {
        KafkaAdmin admin = new KafkaAdmin(properties.kafka().clientProperties());
        admin.setFatalIfBrokerNotAvailable(true);
        return admin;
    }

    /**
     * The shared topics this service writes or reads ({@link Topics#ACCESS}) and its dead-letter topic; KafkaAdmin
     * creates the missing ones at start-up. Where they already exist (a secured cluster: the admin principal
     * created them), it only describes them, so a principal with DESCRIBE but no CREATE on them starts fine, and
     * one without any ACL on the topics it does not use never asks about them. An application {@code ACCESS} does
     * not name (a test's own) declares every shared topic, as on an open test broker.
     */
    @Bean
    KafkaAdmin.NewTopics orderflowTopics(OrderflowProperties properties,
            @Value("${spring.application.name}") String applicationId) {
        List<NewTopic> topics = new ArrayList<>();
        List<Topic<?, ?>> used = Topics.usedBy(applicationId);
        for (Topic<?, ?> topic : used.isEmpty() ? Topics.ALL : used) {
            topics.add(newTopic(topic.name(), properties));
        }
        topics.add(newTopic(Topics.deadLetterTopic(applicationId), properties));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static NewTopic newTopic(String name, OrderflowProperties properties) {
        return TopicBuilder.name(name)
                .partitions(Topics.PARTITIONS)
                .replicas(properties.kafka().replicationFactor())
                .config("min.insync.replicas", String.valueOf(properties.kafka().minInsyncReplicas()))
                .build();
    }

    /** A dead stream thread is replaced, a bounded number of times (see the class). */
    @Bean
    StreamThreadReplacement streamThreadReplacement(OrderflowProperties properties, Clock clock) {
        return new StreamThreadReplacement(properties.streams().maxThreadReplacements(),
                properties.streams().threadReplacementWindow(), clock);
    }

    /** Contributor {@code kafkaStreams}: in the readiness group. */
    @Bean
    KafkaStreamsHealth kafkaStreamsHealthIndicator(OrderflowProperties properties, StreamThreadReplacement replacements,
            Clock clock) {
        return new KafkaStreamsHealth(clock, properties.streams().notRunningTimeout(), replacements);
    }

    /** Contributor {@code kafkaStreamsLiveness}: in the liveness group; down only when a restart can help (see the class). */
    @Bean
    HealthIndicator kafkaStreamsLivenessHealthIndicator(KafkaStreamsHealth health) {
        return health.liveness();
    }

    /** Contributor {@code kafka}: are the brokers reachable? Overall health only (why: the class comment). */
    @Bean
    KafkaConnectivityHealth kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaConnectivityHealth(admin.getConfigurationProperties());
    }

    /** One store tag for all Kafka Streams state-store meters, so Prometheus keeps every store's (see the class). */
    @Bean
    StateStoreTagFilter stateStoreTagFilter() {
        return new StateStoreTagFilter();
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer orderflowStreamsConfigurer(KafkaStreamsHealth health,
            StreamThreadReplacement replacements) {
        return factoryBean -> {
            factoryBean.setStateListener(health);
            factoryBean.setStreamsUncaughtExceptionHandler(replacements);
            // An oversized output is refused before it can poison the transaction, so it can be dead-lettered.
            factoryBean.setClientSupplier(new SizeCheckedClients());
            factoryBean.setCloseTimeout(10);
        };
    }
}
