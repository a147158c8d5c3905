package io.orderflow.localstack.deadletters;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka client settings of one run: the user's (a {@code --command-config} file, as Kafka's own tools take,
 * so the tool works once the cluster needs credentials) with the bootstrap servers resolved, and on top of them
 * what the tool itself relies on for its consumer and its producer.
 */
final class KafkaClientSettings {

    static final String DEFAULT_BOOTSTRAP = "localhost:9092";
    static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    /** The command config when there is no {@code --command-config}: dead-letters.sh sets it to the local stack's admin. */
    static final String COMMAND_CONFIG_ENV = "KAFKA_COMMAND_CONFIG";

    private final Properties user;
    private final Duration timeout;
    private final String clientId;

    private KafkaClientSettings(Properties user, Duration timeout, String clientId) {
        this.user = user;
        this.timeout = timeout;
        this.clientId = clientId;
    }

    /**
     * Bootstrap servers: {@code --bootstrap}, else the command config's {@code bootstrap.servers}, else
     * {@code $KAFKA_BOOTSTRAP_SERVERS}, else {@value #DEFAULT_BOOTSTRAP}. Command config: {@code --command-config},
     * else {@code $KAFKA_COMMAND_CONFIG} (the local stack's {@code .data/kafka/admin-client.properties}, set by
     * dead-letters.sh), else none.
     *
     * @throws IllegalArgumentException when the command config cannot be read
     */
    static KafkaClientSettings of(DeadLetterOptions options, Map<String, String> env) {
        Properties user = new Properties();
        if (options.commandConfig() != null) {
            user.putAll(load(options.commandConfig()));
        } else if (env.get(COMMAND_CONFIG_ENV) != null && !env.get(COMMAND_CONFIG_ENV).isBlank()) {
            user.putAll(load(Path.of(env.get(COMMAND_CONFIG_ENV))));
        }
        if (options.bootstrap() != null) {
            user.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
        } else if (user.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) == null) {
            String fromEnv = env.get(BOOTSTRAP_ENV);
            user.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                    fromEnv == null || fromEnv.isBlank() ? DEFAULT_BOOTSTRAP : fromEnv);
        }
        return new KafkaClientSettings(user, options.timeout(), "dead-letters-" + options.service());
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("--command-config: cannot read " + file + ": " + e);
        }
        return properties;
    }

    String bootstrapServers() {
        return user.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    }

    /** A consumer outside any group (it assigns partitions and commits nothing, so needs no group ACL). */
    Properties consumer() {
        Properties props = copy();
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Asking for a missing dead-letter topic must not create it on a broker that auto-creates topics.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return props;
    }

    /** An idempotent producer that waits for every in-sync replica, within the timeout. */
    Properties producer() {
        Properties props = copy();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int millis = (int) timeout.toMillis();
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
        // The producer requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(millis, 30_000));
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis);
        return props;
    }

    Duration timeout() {
        return timeout;
    }

    private Properties copy() {
        Properties props = new Properties();
        props.putAll(user);
        props.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return props;
    }
}
