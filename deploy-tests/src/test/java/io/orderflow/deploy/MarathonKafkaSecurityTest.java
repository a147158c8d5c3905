package io.orderflow.deploy;

import static io.orderflow.deploy.MarathonConsistencyTest.env;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Marathon apps' Kafka client security, structurally (no cluster here): SASL_SSL with SCRAM-SHA-512, each app's
 * JAAS line (its own principal) from its own DC/OS secret, the broker's CA certificates from a secret.
 */
class MarathonKafkaSecurityTest {

    @Test
    void eachAppConnectsWithSaslSslAndScramSha512() {
        Repo.marathonApps().forEach((service, app) -> assertThat(env(app)).as(service)
                .containsEntry("ORDERFLOW_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("ORDERFLOW_KAFKA_CLIENT_SASL_MECHANISM", "SCRAM-SHA-512")
                // PEM certificates in the variable itself: the JSON schema the apps are checked against has no
                // file-based secret volumes.
                .containsEntry("ORDERFLOW_KAFKA_CLIENT_SSL_TRUSTSTORE_TYPE", "PEM")
                .containsEntry("ORDERFLOW_KAFKA_CLIENT_SSL_TRUSTSTORE_CERTIFICATES", "secret:kafkaCaCertificates")
                .containsEntry("ORDERFLOW_KAFKA_CLIENT_SASL_JAAS_CONFIG", "secret:kafkaJaasConfig"));
    }

    @Test
    void eachAppsCredentialsComeFromASecretOfItsOwnNamedAfterItsPrincipal() {
        Set<String> jaasSources = new HashSet<>();
        Repo.marathonApps().forEach((service, app) -> {
            JsonNode secrets = app.path("secrets");
            assertThat(secrets.path("kafkaJaasConfig").path("source").asString()).as(service)
                    .isEqualTo("orderflow/" + service + "/kafka-jaas-config");
            assertThat(secrets.path("kafkaCaCertificates").path("source").asString()).as(service)
                    .isEqualTo("orderflow/kafka-ca-certificates");
            jaasSources.add(secrets.path("kafkaJaasConfig").path("source").asString());
        });
        assertThat(jaasSources).hasSameSizeAs(Repo.marathonApps().keySet());
    }

    @Test
    void everySecretAnAppReferencesIsDeclaredAndEveryDeclaredOneIsUsed() {
        Repo.marathonApps().forEach((service, app) -> {
            Set<String> referenced = new TreeSet<>();
            for (Map.Entry<String, String> entry : env(app).entrySet()) {
                if (entry.getValue().startsWith("secret:")) {
                    referenced.add(entry.getValue().substring("secret:".length()));
                }
            }
            Set<String> declared = new TreeSet<>(app.path("secrets").propertyNames());
            assertThat(referenced).as(service).isEqualTo(declared);
        });
    }

    @Test
    void noPasswordIsWrittenIntoAnApp() {
        Repo.marathonApps().forEach((service, app) -> env(app).forEach((name, value) -> {
            if (name.contains("JAAS") || name.contains("PASSWORD")) {
                assertThat(value).as(service + " " + name).startsWith("secret:");
            }
        }));
    }
}
