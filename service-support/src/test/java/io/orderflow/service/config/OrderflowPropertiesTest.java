package io.orderflow.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/** The settings a service runs with when nothing is set, and the Streams settings made of them. */
class OrderflowPropertiesTest {

    @Test
    void theDefaultsForTopologyTestsAreWhatAServiceBindsWhenNothingIsSet() throws Exception {
        List<PropertySource<?>> sources = List.of(
                new MapPropertySource("app", Map.of("spring.application.name", "some-service")),
                new ResourcePropertySource(new ClassPathResource("orderflow-defaults.properties")));
        Binder binder = new Binder(ConfigurationPropertySources.from(sources),
                new PropertySourcesPlaceholdersResolver(sources));

        OrderflowProperties bound = binder.bind("orderflow", OrderflowProperties.class).get();

        assertThat(bound).isEqualTo(OrderflowProperties.defaults("localhost:9092", Path.of(".data/some-service")));
    }

    @Test
    void clientSettingsFromTheEnvironmentKeepTheirKafkaNames() throws Exception {
        List<PropertySource<?>> sources = List.of(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "ORDERFLOW_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                        "ORDERFLOW_KAFKA_CLIENT_SASL_MECHANISM", "SCRAM-SHA-512")),
                new MapPropertySource("app", Map.of("spring.application.name", "some-service")),
                new ResourcePropertySource(new ClassPathResource("orderflow-defaults.properties")));
        Binder binder = new Binder(ConfigurationPropertySources.from(sources),
                new PropertySourcesPlaceholdersResolver(sources));

        OrderflowProperties bound = binder.bind("orderflow", OrderflowProperties.class).get();

        assertThat(bound.kafka().clientProperties())
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("bootstrap.servers", "localhost:9092");
    }

    @Test
    void streamsSettingsTakeDurabilityAndTheCommitIntervalFromTheProperties() {
        OrderflowProperties defaults = OrderflowProperties.defaults("kafka:9092", Path.of("/var/data"));
        OrderflowProperties production = new OrderflowProperties(new OrderflowProperties.Kafka("kafka:9092", 3, 2, 1, 25,
                Map.of("security.protocol", "SASL_SSL")),
                defaults.dataDir(), "host-1", 10_000, defaults.orderTimeout(), defaults.streams());

        Map<String, Object> settings = StreamsSettings.of(production, "stock-service", "host-1:8083");

        assertThat(settings).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry(StreamsConfig.topicPrefix("min.insync.replicas"), 2)
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 25L)
                .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "host-1:8083")
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/var/data/streams/stock-service")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092")
                .containsEntry("security.protocol", "SASL_SSL");
        assertThat(StreamsSettings.of(defaults, "stock-service", null))
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50L)
                .doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG);
    }
}
