package io.orderflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerProcessTest {

    @Test
    void oneCombinedNodeWhoseInternalTopicsFitOnOneReplica() {
        Map<String, String> p = KafkaBrokerProcess.serverProperties(Path.of("/data/kafka/data"), 9092, 9093);

        assertThat(p).containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:9093")
                .containsEntry("log.dirs", "/data/kafka/data")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("offsets.topic.num.partitions", "6")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("transaction.state.log.num.partitions", "6")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void portsComeFromTheCaller() {
        Map<String, String> p = KafkaBrokerProcess.serverProperties(Path.of("/d"), 19092, 20000);

        assertThat(p.get("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:20000");
        assertThat(p.get("controller.quorum.bootstrap.servers")).isEqualTo("127.0.0.1:20000");
    }

    @Test
    void writesAPropertiesFileUnderTheDataDirWithoutStartingAnything(@TempDir Path dataDir) throws Exception {
        // Storage already formatted: nothing to run, only the file to (re)write.
        Files.createDirectories(dataDir.resolve("kafka/data"));
        Files.writeString(dataDir.resolve("kafka/data/meta.properties"), "node.id=1\n");
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dataDir, 9092, 9093, "unused");

        assertThat(broker.formatStorageIfNeeded()).isFalse();

        Properties written = new Properties();
        written.load(new StringReader(Files.readString(broker.serverPropertiesFile())));
        assertThat(broker.serverPropertiesFile()).isEqualTo(dataDir.resolve("kafka/server.properties"));
        assertThat(written).containsEntry("log.dirs", dataDir.resolve("kafka/data").toAbsolutePath().toString())
                .containsEntry("auto.create.topics.enable", "false");
        assertThat(broker.logFile()).isEqualTo(dataDir.resolve("logs/kafka.log"));
        assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    }
}
