package io.orderflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerSecurityTest {

    @TempDir
    Path dataDir;

    @Test
    void clientsAuthenticateWithScramAndOnlyTheAdminIsASuperUser() {
        Map<String, String> p = KafkaBrokerProcess.securedServerProperties(Path.of("/d"), 9092, 9093, "secret");

        assertThat(p).containsEntry("listeners", "SASL_PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
                .containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .containsEntry("sasl.mechanism.controller.protocol", "PLAIN")
                .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("super.users", "User:admin")
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("auto.create.topics.enable", "false");
        assertThat(p.get("listener.name.controller.plain.sasl.jaas.config")).contains("user_admin=\"secret\"");
    }

    @Test
    void storageOfAnOlderOpenStackIsRefusedWithTheWayOut() throws Exception {
        Files.createDirectories(dataDir.resolve("kafka/data"));
        Files.writeString(dataDir.resolve("kafka/data/meta.properties"), "node.id=1\n");
        KafkaBrokerProcess broker = KafkaBrokerProcess.secured(dataDir, 9092, 9093, "unused", List.of("stock-service"));

        assertThatThrownBy(broker::formatStorageIfNeeded).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--clean").hasMessageContaining("without SASL users");
    }

    @Test
    void formattedSecuredStorageKeepsItsPasswordsAndWritesTheClientFilesOwnerOnly() throws Exception {
        KafkaCredentials.generate(List.of("stock-service")).write(dataDir.resolve("kafka/credentials.properties"));
        KafkaCredentials kept = KafkaCredentials.read(dataDir.resolve("kafka/credentials.properties"));
        Files.createDirectories(dataDir.resolve("kafka/data"));
        Files.writeString(dataDir.resolve("kafka/data/meta.properties"), "node.id=1\n");
        KafkaBrokerProcess broker = KafkaBrokerProcess.secured(dataDir, 9092, 9093, "unused", List.of("stock-service"));

        assertThat(broker.formatStorageIfNeeded()).isFalse();
        assertThat(broker.credentials().password("stock-service")).isEqualTo(kept.password("stock-service"));
        assertThat(ownerOnly(broker.serverPropertiesFile())).isTrue();

        List<Path> files = KafkaClientFiles.write(broker, dataDir.resolve("kafka"));

        assertThat(files).allMatch(KafkaBrokerSecurityTest::ownerOnly);
        Properties admin = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("kafka/admin-client.properties"))) {
            admin.load(reader);
        }
        assertThat(admin).containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", KafkaCredentials.scramJaas("admin", kept.password("admin")));
        assertThat(Files.readString(dataDir.resolve("kafka/stock-service.env")))
                .contains("KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092\n")
                .contains("ORDERFLOW_KAFKA_CLIENT_SASL_JAAS_CONFIG='" + KafkaCredentials.scramJaas("stock-service",
                        kept.password("stock-service")) + "'\n");
    }

    @Test
    void aUserAddedSinceTheFormatGetsAPasswordKeptForTheAdminToCreate() throws Exception {
        KafkaCredentials.generate(List.of("stock-service")).write(dataDir.resolve("kafka/credentials.properties"));
        Files.createDirectories(dataDir.resolve("kafka/data"));
        Files.writeString(dataDir.resolve("kafka/data/meta.properties"), "node.id=1\n");
        KafkaBrokerProcess broker = KafkaBrokerProcess.secured(dataDir, 9092, 9093, "unused",
                List.of("stock-service", "new-service"));

        assertThat(broker.formatStorageIfNeeded()).isFalse();

        assertThat(KafkaCredentials.read(dataDir.resolve("kafka/credentials.properties")).password("new-service"))
                .isEqualTo(broker.credentials().password("new-service"));
    }

    private static boolean ownerOnly(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file)).equals("rw-------");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
