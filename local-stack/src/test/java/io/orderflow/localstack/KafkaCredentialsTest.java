package io.orderflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void keepsThePasswordsOwnerOnlyAndReadsThemBack() throws Exception {
        KafkaCredentials generated = KafkaCredentials.generate(List.of("basket-service"));
        Path file = dir.resolve("credentials.properties");

        generated.write(file);
        KafkaCredentials read = KafkaCredentials.read(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(read.users()).containsExactlyInAnyOrder("admin", "basket-service");
        assertThat(read.password("basket-service")).isEqualTo(generated.password("basket-service"))
                .isNotEqualTo(generated.password("admin")).hasSize(48);
    }

    @Test
    void givesAServiceItsOwnPrincipalAsEnvironment() {
        KafkaCredentials credentials = KafkaCredentials.generate(List.of("stock-service"));

        assertThat(credentials.serviceEnvironment("stock-service"))
                .containsEntry("ORDERFLOW_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("ORDERFLOW_KAFKA_CLIENT_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("ORDERFLOW_KAFKA_CLIENT_SASL_JAAS_CONFIG",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"stock-service\""
                                + " password=\"" + credentials.password("stock-service") + "\";");
    }

    @Test
    void formatsEveryUserWithScramSha512() {
        KafkaCredentials credentials = KafkaCredentials.generate(List.of("orders-service"));

        assertThat(credentials.formatArguments()).containsExactly(
                "--add-scram", "SCRAM-SHA-512=[name=admin,password=" + credentials.password("admin") + "]",
                "--add-scram", "SCRAM-SHA-512=[name=orders-service,password=" + credentials.password("orders-service") + "]");
    }
}
