package io.orderflow.localstack.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientSettingsTest {

    @TempDir
    Path dir;

    private static KafkaClientSettings settings(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("list", "stock-service"));
        all.addAll(List.of(args));
        return KafkaClientSettings.of(DeadLetterOptions.parse(all), env);
    }

    @Test
    void bootstrapFromTheOptionElseTheCommandConfigElseTheEnvironmentElseLocalhost() throws Exception {
        Path config = Files.writeString(dir.resolve("client.properties"), "bootstrap.servers=from-file:9092\n");
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "from-env:9092");

        assertThat(settings(env, "--bootstrap", "from-option:9092", "--command-config", config.toString())
                .bootstrapServers()).isEqualTo("from-option:9092");
        assertThat(settings(env, "--command-config", config.toString()).bootstrapServers()).isEqualTo("from-file:9092");
        assertThat(settings(env).bootstrapServers()).isEqualTo("from-env:9092");
        assertThat(settings(Map.of()).bootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void withoutACommandConfigTheOneTheEnvironmentNamesIsUsed() throws Exception {
        Path config = Files.writeString(dir.resolve("admin-client.properties"),
                "bootstrap.servers=127.0.0.1:9092\nsecurity.protocol=SASL_PLAINTEXT\n");

        KafkaClientSettings settings = settings(Map.of("KAFKA_COMMAND_CONFIG", config.toString()));

        assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.consumer().getProperty("security.protocol")).isEqualTo("SASL_PLAINTEXT");
    }

    @Test
    void theCommandConfigReachesBothClientsUnderWhatTheToolReliesOn() throws Exception {
        Path config = Files.writeString(dir.resolve("client.properties"), """
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                isolation.level=read_uncommitted
                acks=1
                group.id=someone-elses
                """);
        KafkaClientSettings settings = settings(Map.of(), "--command-config", config.toString(), "--timeout", "7");

        Properties consumer = settings.consumer();
        assertThat(consumer.getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(consumer.getProperty("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(consumer.get("isolation.level")).isEqualTo("read_committed");
        assertThat(consumer).doesNotContainKey("group.id");
        assertThat(consumer.get("allow.auto.create.topics")).isEqualTo(false);
        assertThat(consumer.get("default.api.timeout.ms")).isEqualTo(7_000);

        Properties producer = settings.producer();
        assertThat(producer.getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(producer.get("acks")).isEqualTo("all");
        assertThat(producer.get("enable.idempotence")).isEqualTo(true);
        assertThat(producer.get("delivery.timeout.ms")).isEqualTo(7_000);
        assertThat(producer.get("client.id")).isEqualTo("dead-letters-stock-service");
    }

    @Test
    void anUnreadableCommandConfigIsAUsageMistake() {
        assertThatThrownBy(() -> settings(Map.of(), "--command-config", dir.resolve("missing.properties").toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--command-config: cannot read");
    }
}
