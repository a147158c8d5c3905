package io.orderflow.testsupport.kafka;

import io.orderflow.testsupport.http.FreePorts;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real Kafka broker per test JVM, started on first use and stopped when the JVM exits.
 *
 * <p>Which broker: system property or environment variable {@code orderflow.test.kafka} /
 * {@code ORDERFLOW_TEST_KAFKA} = {@code embedded} (an in-JVM KRaft broker, the default, needs nothing
 * installed), {@code testcontainers} (Testcontainers' Kafka module; needs a Docker engine), or
 * {@code auto} (Testcontainers when a Docker engine answers, else embedded).
 */
public final class TestKafka {

    /** The settings a single-node broker needs for transactions (so exactly-once) to work at all. */
    public static final Map<String, String> SINGLE_NODE_SETTINGS = Map.of(
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "6",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "transaction.state.log.num.partitions", "6",
            "share.coordinator.state.topic.replication.factor", "1",
            "group.initial.rebalance.delay.ms", "0",
            "auto.create.topics.enable", "false");

    private static volatile Broker broker;

    private TestKafka() {
    }

    /** Starts the broker if needed and returns its bootstrap servers. */
    public static String bootstrapServers() {
        Broker current = broker;
        if (current == null) {
            synchronized (TestKafka.class) {
                current = broker;
                if (current == null) {
                    current = start();
                    broker = current;
                    Broker started = current;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-kafka-stop"));
                }
            }
        }
        return current.bootstrapServers();
    }

    /**
     * Points a Spring Boot test at the broker and at a fresh data directory; call from a
     * {@code @DynamicPropertySource} method.
     */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("orderflow.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("orderflow.data-dir", TestKafka::newDataDir);
    }

    /**
     * As {@link #register(DynamicPropertyRegistry)}, for a test's own application (not one of the five services):
     * its name, which is its Streams application id, and a free HTTP port.
     */
    public static void registerApplication(DynamicPropertyRegistry registry, String applicationName) {
        register(registry);
        registry.add("spring.application.name", () -> applicationName);
        registry.add("server.port", FreePorts::next);
    }

    public static String newDataDir() {
        try {
            return Files.createTempDirectory("orderflow-test-").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Broker start() {
        String mode = System.getProperty("orderflow.test.kafka",
                System.getenv().getOrDefault("ORDERFLOW_TEST_KAFKA", "embedded")).toLowerCase(Locale.ROOT);
        boolean containers = switch (mode) {
            case "testcontainers" -> true;
            case "auto" -> ContainerBroker.dockerAvailable();
            case "embedded" -> false;
            default -> throw new IllegalArgumentException("orderflow.test.kafka must be embedded, testcontainers or auto: " + mode);
        };
        return containers ? ContainerBroker.start() : EmbeddedBroker.start();
    }

    interface Broker {
        String bootstrapServers();

        void stop();
    }

    /** Kafka's own KRaft test cluster (one combined broker and controller) inside this JVM. */
    record EmbeddedBroker(EmbeddedKafkaKraftBroker kafka) implements Broker {

        static EmbeddedBroker start() {
            EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
            kafka.brokerProperties(SINGLE_NODE_SETTINGS);
            kafka.afterPropertiesSet();
            return new EmbeddedBroker(kafka);
        }

        @Override
        public String bootstrapServers() {
            return kafka.getBrokersAsString();
        }

        @Override
        public void stop() {
            kafka.destroy();
        }
    }

}
