package io.orderflow.deploy;

import static io.orderflow.deploy.ComposeConsistencyTest.environment;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.localstack.OrderflowService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker-compose's Kafka security, structurally (no Docker here): SASL_SSL listeners, SCRAM-SHA-512, deny by
 * default; one principal per service; the kafka-init step creating the users, topics and the very ACLs the local
 * stack's KafkaAcls computes.
 */
class ComposeKafkaSecurityTest {

    /** What compose says when the operator has not set a password: where to read how. */
    private static final String REQUIRED = "see docs/deployment.md";
    private static final String TRUSTSTORE = "/etc/orderflow/kafka/truststore.p12";

    @Test
    void theBrokerAuthenticatesEveryClientWithScramOverTlsAndDeniesWhatNoAclAllows() {
        Map<String, String> kafka = environment(Repo.composeServices().get("kafka"));

        assertThat(kafka)
                .containsEntry("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "INTERNAL:SASL_SSL,EXTERNAL:SASL_SSL,CONTROLLER:PLAINTEXT")
                .containsEntry("KAFKA_ADVERTISED_LISTENERS", "INTERNAL://kafka:9092,EXTERNAL://localhost:9092")
                .containsEntry("KAFKA_INTER_BROKER_LISTENER_NAME", "INTERNAL")
                .containsEntry("KAFKA_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512")
                .containsEntry("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL", "SCRAM-SHA-512")
                .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_SUPER_USERS", "User:admin")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_SSL_KEYSTORE_TYPE", "PKCS12");
        // The plaintext controller listener is bound to the container's loopback: nothing outside it reaches it.
        assertThat(kafka.get("KAFKA_LISTENERS")).contains("CONTROLLER://localhost:9093")
                .contains("INTERNAL://:9092", "EXTERNAL://:19092");
        assertThat(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo("1@localhost:9093");
        assertThat(kafka.get("KAFKA_OPTS")).contains("-Djava.security.auth.login.config=/tmp/kafka_server_jaas.conf");
    }

    @Test
    void theBrokersKeysComeFromTheOperatorsCertificateDirectoryMountedReadOnlyAndNoPasswordIsInTheFile() {
        Map<String, Object> kafka = Repo.composeServices().get("kafka");
        Map<String, String> env = environment(kafka);

        assertThat(env.get("KAFKA_SSL_KEYSTORE_LOCATION")).isEqualTo("/etc/kafka/certs/kafka.keystore.p12");
        assertThat(mounts(kafka)).contains("./certs:/etc/kafka/certs:ro");
        for (Map.Entry<String, Map<String, Object>> service : Repo.composeServices().entrySet()) {
            environment(service.getValue()).forEach((name, value) -> {
                if (name.contains("PASSWORD")) {
                    assertThat(value).as(service.getKey() + " " + name).matches("\\$\\{[A-Z_]+:\\?" + REQUIRED + "}");
                }
            });
        }
    }

    @Test
    void theBrokerFormatsItsStorageWithTheAdminsScramCredentialBeforeTheImageStartsIt() {
        Map<String, Object> kafka = Repo.composeServices().get("kafka");
        String start = Repo.read("docker/kafka-start.sh");

        assertThat(mounts(kafka)).contains("./docker/kafka-start.sh:/opt/orderflow/kafka-start.sh:ro");
        assertThat(String.valueOf(kafka.get("command"))).contains("/opt/orderflow/kafka-start.sh");
        assertThat(start).contains("kafka-storage.sh format", "--add-scram \"SCRAM-SHA-512=[name=admin,",
                "exec /etc/kafka/docker/run");
        assertThat(environment(kafka)).containsKey("CLUSTER_ID");
    }

    @Test
    void eachServiceConnectsWithSaslSslAsItsOwnPrincipalAndTrustsAMountedTruststore() {
        for (String service : Repo.serviceModules()) {
            Map<String, Object> compose = Repo.composeServices().get(service);
            Map<String, String> env = environment(compose);

            assertThat(env).as(service)
                    .containsEntry("ORDERFLOW_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("ORDERFLOW_KAFKA_CLIENT_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("ORDERFLOW_KAFKA_CLIENT_SSL_TRUSTSTORE_LOCATION", TRUSTSTORE)
                    .containsEntry("ORDERFLOW_KAFKA_CLIENT_SSL_TRUSTSTORE_TYPE", "PKCS12")
                    .containsEntry("ORDERFLOW_KAFKA_CLIENT_SSL_TRUSTSTORE_PASSWORD", required("ORDERFLOW_KAFKA_TRUSTSTORE_PASSWORD"));
            assertThat(env.get("ORDERFLOW_KAFKA_CLIENT_SASL_JAAS_CONFIG")).as(service)
                    .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + service
                            + "\" password=\"${" + passwordVariable(service) + ":?" + REQUIRED + "}\";");
            assertThat(mounts(compose)).as(service).contains("./certs/truststore.p12:" + TRUSTSTORE + ":ro");
        }
    }

    @Test
    void eachServiceStartsOnlyOnceKafkaInitHasCreatedItsUserTopicsAndAcls() {
        for (String service : Repo.serviceModules()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> dependsOn = (Map<String, Object>) Repo.composeServices().get(service).get("depends_on");
            assertThat(dependsOn.get("kafka-init")).as(service)
                    .isEqualTo(Map.of("condition", "service_completed_successfully"));
        }
        Map<String, Object> init = Repo.composeServices().get("kafka-init");
        assertThat(init.get("image")).isEqualTo(Repo.composeServices().get("kafka").get("image"));
        assertThat(init.get("restart")).isEqualTo("no");
        assertThat(mounts(init)).contains("./docker/kafka-init.sh:/opt/orderflow/kafka-init.sh:ro",
                "./certs/truststore.p12:/etc/kafka/certs/truststore.p12:ro");
        assertThat(String.valueOf(init.get("command"))).contains("/opt/orderflow/kafka-init.sh");
    }

    @Test
    void kafkaInitCreatesAScramUserForEachServiceWithThePasswordItsServiceIsGiven() {
        Map<String, String> users = KafkaInitScript.scramUsers();
        Map<String, String> initEnv = environment(Repo.composeServices().get("kafka-init"));

        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(Repo.serviceModules());
        for (String service : Repo.serviceModules()) {
            assertThat(users).as(service).containsEntry(service, passwordVariable(service));
            assertThat(initEnv).as(service).containsEntry(passwordVariable(service), "${" + passwordVariable(service) + ":?" + REQUIRED + "}");
        }
        assertThat(initEnv).containsEntry("ORDERFLOW_KAFKA_ADMIN_PASSWORD", required("ORDERFLOW_KAFKA_ADMIN_PASSWORD"));
    }

    @Test
    void kafkaInitGrantsExactlyTheAclsTheLocalStackGrants() {
        List<String> modules = OrderflowService.moduleNames();
        assertThat(modules).containsExactlyInAnyOrderElementsOf(Repo.serviceModules());

        assertThat(KafkaInitScript.grantedAcls())
                .as("the allow lines of %s; from KafkaAcls they are:%n%s", KafkaInitScript.PATH,
                        KafkaInitScript.expectedAllowLines(modules))
                .containsExactlyElementsOf(KafkaInitScript.localStackAcls(modules));
    }

    @Test
    void kafkaInitCreatesTheTopicsTheLocalStackCreates() {
        assertThat(KafkaInitScript.topics()).containsExactlyElementsOf(OrderflowService.topicNames());
        assertThat(KafkaInitScript.text()).contains("--partitions 6", "--if-not-exists");
    }

    @Test
    void theEnvExampleListsEveryPasswordComposeRequiresAndNoValue() {
        java.util.Set<String> required = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(Repo.read("docker-compose.yml"));
        while (m.find()) {
            required.add(m.group(1));
        }
        Map<String, String> example = new java.util.TreeMap<>();
        Repo.read(".env.example").lines().filter(l -> !l.startsWith("#") && l.contains("="))
                .forEach(l -> example.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));

        assertThat(required).isNotEmpty();
        assertThat(example.keySet()).isEqualTo(required);
        assertThat(example.values()).allMatch(String::isEmpty);
        assertThat(Repo.read(".gitignore")).contains("/.env", "/certs/");
    }

    static String passwordVariable(String service) {
        return "ORDERFLOW_KAFKA_" + service.toUpperCase().replace('-', '_') + "_PASSWORD";
    }

    private static List<String> mounts(Map<String, Object> composeService) {
        Object volumes = composeService.get("volumes");
        assertThat(volumes).isInstanceOf(List.class);
        return ((List<?>) volumes).stream().map(String::valueOf).toList();
    }

    /** A password the operator must provide (.env or the environment); compose refuses to start without it. */
    static String required(String variable) {
        return "${" + variable + ":?" + REQUIRED + "}";
    }
}
