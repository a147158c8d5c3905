package io.orderflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClusterProcessTest {

    @Test
    void eachNodeHasItsOwnIdPortsAndStorageAndTheSameVotersAndClusterId(@TempDir Path dataDir) throws Exception {
        // Formatted storage already there: formatStorageIfNeeded only writes the properties.
        KafkaClusterProcess cluster = new KafkaClusterProcess(dataDir, 3, "unused");
        Properties[] written = new Properties[3];
        for (int i = 0; i < 3; i++) {
            Files.createDirectories(dataDir.resolve("kafka-" + (i + 1) + "/data"));
            Files.writeString(dataDir.resolve("kafka-" + (i + 1) + "/data/meta.properties"), "node.id=" + (i + 1) + "\n");
            KafkaBrokerProcess node = cluster.node(i);
            assertThat(node.formatStorageIfNeeded()).isFalse();
            written[i] = new Properties();
            written[i].load(new StringReader(Files.readString(node.serverPropertiesFile())));
            assertThat(node.serverPropertiesFile()).isEqualTo(dataDir.resolve("kafka-" + (i + 1) + "/server.properties"));
            assertThat(node.logFile()).isEqualTo(dataDir.resolve("logs/kafka-" + (i + 1) + ".log"));
            assertThat(written[i]).containsEntry("node.id", Integer.toString(i + 1))
                    .containsEntry("offsets.topic.replication.factor", "3")
                    .containsEntry("transaction.state.log.replication.factor", "3")
                    .containsEntry("transaction.state.log.min.isr", "2")
                    .containsEntry("default.replication.factor", "3")
                    .containsEntry("min.insync.replicas", "2")
                    .containsEntry("group.initial.rebalance.delay.ms", "0")
                    .containsEntry("auto.create.topics.enable", "false")
                    .doesNotContainKey("controller.quorum.bootstrap.servers");
        }
        String voters = written[0].getProperty("controller.quorum.voters");
        assertThat(voters).matches("1@127\\.0\\.0\\.1:\\d+,2@127\\.0\\.0\\.1:\\d+,3@127\\.0\\.0\\.1:\\d+");
        assertThat(written[1].getProperty("controller.quorum.voters")).isEqualTo(voters);
        assertThat(written[2].getProperty("controller.quorum.voters")).isEqualTo(voters);
        assertThat(cluster.bootstrapServers().split(",")).hasSize(3)
                .containsExactly(cluster.node(0).bootstrapServers(), cluster.node(1).bootstrapServers(),
                        cluster.node(2).bootstrapServers());
    }

    @Test
    void refusesAClusterTooSmallForTwoInSyncReplicasAndAFailure(@TempDir Path dataDir) {
        assertThatThrownBy(() -> new KafkaClusterProcess(dataDir, 2, "unused"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
