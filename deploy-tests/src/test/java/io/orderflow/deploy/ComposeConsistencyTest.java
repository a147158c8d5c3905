package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docker-compose.yml against the services' own configuration and a one-broker Kafka. */
class ComposeConsistencyTest {

    @Test
    void eachServicePublishesAndListensOnItsContractPort() {
        for (String service : Repo.serviceModules()) {
            int port = Repo.serverPort(service);
            Map<String, Object> compose = composeService(service);

            assertThat(stringList(compose.get("ports"))).as(service).containsExactly(port + ":" + port);
            assertThat(environment(compose)).as(service).containsEntry("SERVER_PORT", String.valueOf(port));
        }
    }

    @Test
    void everyEnvironmentVariableGivenToAServiceIsOneItReads() {
        for (String service : Repo.serviceModules()) {
            assertThat(Repo.environmentRead(service)).as(service)
                    .containsAll(Repo.withoutKafkaClientSettings(environment(composeService(service)).keySet()));
        }
    }

    @Test
    void servicesTrustTheDevIssuerByTheNameItsTokensCarryAndFetchItsKeysOnTheComposeNetwork() {
        Map<String, Object> issuer = Repo.composeServices().get("dev-issuer");
        String name = environment(issuer).get("ORDERFLOW_DEV_ISSUER_URI");
        assertThat(stringList(issuer.get("ports"))).contains("9000:9000");
        for (String service : Repo.serviceModules()) {
            assertThat(environment(composeService(service))).as(service)
                    .containsEntry("ORDERFLOW_JWT_ISSUER_URI", name)
                    .containsEntry("ORDERFLOW_JWT_JWK_SET_URI", "http://dev-issuer:9000/oauth2/jwks");
        }
    }

    @Test
    void servicesReachTheBrokerOnItsInternalListenerWithSaslSsl() {
        Map<String, String> kafka = environment(Repo.composeServices().get("kafka"));
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).contains("INTERNAL://kafka:9092");
        assertThat(kafka.get("KAFKA_INTER_BROKER_LISTENER_NAME")).isEqualTo("INTERNAL");
        assertThat(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).contains("INTERNAL:SASL_SSL");

        for (String service : Repo.serviceModules()) {
            assertThat(environment(composeService(service))).as(service)
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("ORDERFLOW_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_REPLICATION_FACTOR", "1")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "1");
        }
    }

    @Test
    void eachServiceKeepsItsStateDirectoryOnItsOwnNamedVolume() {
        Map<String, Object> volumes = castMap(Repo.yaml("docker-compose.yml").get("volumes"));
        for (String service : Repo.serviceModules()) {
            Map<String, Object> compose = composeService(service);
            String dataDir = environment(compose).get("ORDERFLOW_DATA_DIR");
            // The other mount is the truststore, a read-only file from the operator's ./certs.
            List<String> mounts = stringList(compose.get("volumes")).stream().filter(m -> !m.startsWith("./")).toList();

            assertThat(dataDir).as(service).startsWith("/");
            assertThat(mounts).as(service).hasSize(1);
            String[] mount = mounts.get(0).split(":");
            assertThat(mount[1]).as(service).isEqualTo(dataDir);
            assertThat(volumes).as(service).containsKey(mount[0]);
        }
        assertThat(stringList(Repo.composeServices().get("kafka").get("volumes")))
                .anyMatch(mount -> mount.startsWith("kafka-data:"));
    }

    @Test
    void interactiveQueriesAdvertiseTheComposeServiceName() {
        for (String service : Repo.serviceModules()) {
            assertThat(environment(composeService(service))).as(service).containsEntry("ORDERFLOW_ADVERTISED_HOST", service);
            assertThat(composeService(service).get("hostname")).as(service).isEqualTo(service);
        }
    }

    @Test
    void eachServiceIsHealthyOnlyWhenItsReadinessProbeAnswersOnItsPort() {
        for (String service : Repo.serviceModules()) {
            Map<String, Object> healthcheck = castMap(composeService(service).get("healthcheck"));
            List<String> test = stringList(healthcheck.get("test"));

            assertThat(test).as(service).last()
                    .isEqualTo("http://localhost:" + Repo.serverPort(service) + HealthEndpoints.READINESS);
            // curl -f: a 503 (not ready yet) must fail the check, not just a refused connection.
            assertThat(test).as(service).startsWith("CMD", "curl").anyMatch(arg -> arg.matches("-[a-zA-Z]*f[a-zA-Z]*"));
        }
    }

    @Test
    void eachServiceStartsOnlyOnceTheBrokerIsHealthy() {
        assertThat(Repo.composeServices().get("kafka")).containsKey("healthcheck");
        for (String service : Repo.serviceModules()) {
            Map<String, Object> dependsOn = castMap(composeService(service).get("depends_on"));
            assertThat(castMap(dependsOn.get("kafka"))).as(service).containsEntry("condition", "service_healthy");
        }
    }

    @Test
    void theBrokerHasTheSettingsOneNodeNeeds() {
        Map<String, Object> kafka = Repo.composeServices().get("kafka");

        assertThat(kafka.get("image")).isEqualTo("apache/kafka:4.1.2");
        assertThat(environment(kafka))
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .containsEntry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "1")
                .containsEntry("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }

    @Test
    void theFileHasNoTopLevelNameKeyBecauseDockerCompose129RejectsIt() {
        assertThat(Repo.yaml("docker-compose.yml")).doesNotContainKey("name").doesNotContainKey("version");
    }

    @Test
    void eachServiceRunsTheImageTheImagesProfileBuilds() {
        for (String service : Repo.serviceModules()) {
            assertThat(composeService(service).get("image")).as(service).isEqualTo(ImageProfile.imageOf(service));
        }
    }

    private static Map<String, Object> composeService(String service) {
        Map<String, Object> compose = Repo.composeServices().get(service);
        assertThat(compose).as("compose service " + service).isNotNull();
        return compose;
    }

    /** Environment as name -> value whether the file writes a map or a list of NAME=value. */
    static Map<String, String> environment(Map<String, Object> composeService) {
        Object environment = composeService.get("environment");
        Map<String, String> result = new java.util.TreeMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((name, value) -> result.put(String.valueOf(name), String.valueOf(value)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] parts = String.valueOf(entry).split("=", 2);
                result.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<String> stringList(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
