package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Marathon apps in dcos/ against the services' own configuration and the Kafka package options. */
class MarathonConsistencyTest {

    /** Variables Mesos sets in every task; the apps' env values may refer to them as Spring placeholders. */
    private static final Set<String> MESOS_TASK_VARIABLES = Set.of("HOST", "PORT0", "MESOS_SANDBOX");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

    @Test
    void eachAppIsReachableOnItsVipAtItsContractPort() {
        Repo.marathonApps().forEach((service, app) -> {
            JsonNode port = app.path("portDefinitions").get(0);

            assertThat(app.path("portDefinitions").size()).as(service).isEqualTo(1);
            assertThat(port.path("labels").path("VIP_0").asString()).as(service)
                    .isEqualTo("/orderflow-" + service + ":" + Repo.serverPort(service));
        });
    }

    @Test
    void eachAppListensOnTheHostPortMarathonGivesItAndAdvertisesThatAddress() {
        Repo.marathonApps().forEach((service, app) -> {
            assertThat(MarathonRules.isHostNetworking(app)).as(service).isTrue();
            assertThat(app.path("portDefinitions").get(0).path("port").asInt()).as(service + ": dynamic host port").isZero();
            assertThat(env(app)).as(service)
                    .containsEntry("SERVER_PORT", "${PORT0}")
                    .containsEntry("ORDERFLOW_ADVERTISED_HOST", "${HOST}");
        });
    }

    @Test
    void everyEnvironmentVariableGivenToAnAppIsOneItReads() {
        Repo.marathonApps().forEach((service, app) ->
                assertThat(Repo.environmentRead(service)).as(service)
                        .containsAll(Repo.withoutKafkaClientSettings(env(app).keySet())));
    }

    @Test
    void placeholdersInEnvironmentValuesOnlyNameVariablesMesosSets() {
        Repo.marathonApps().forEach((service, app) -> env(app).forEach((name, value) -> {
            Matcher matcher = PLACEHOLDER.matcher(value);
            while (matcher.find()) {
                assertThat(matcher.group(1)).as(service + " " + name).isIn(MESOS_TASK_VARIABLES);
            }
        }));
    }

    @Test
    void eachAppKeepsItsStateOnItsPersistentVolume() {
        Repo.marathonApps().forEach((service, app) -> {
            var volumes = MarathonRules.persistentVolumeNodes(app);

            assertThat(volumes).as(service).hasSize(1);
            assertThat(env(app).get("ORDERFLOW_DATA_DIR")).as(service)
                    .isEqualTo("${MESOS_SANDBOX}/" + volumes.get(0).path("containerPath").asString());
        });
    }

    @Test
    void eachAppUsesTheKafkaPackageBrokersWithProductionReplication() {
        JsonNode options = Repo.kafkaOptions();
        String brokerVip = "broker." + options.path("service").path("name").asString() + ".l4lb.thisdcos.directory:9092";
        int brokers = options.path("brokers").path("count").asInt();

        Repo.marathonApps().forEach((service, app) -> {
            Map<String, String> env = env(app);
            assertThat(env).as(service)
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", brokerVip)
                    .containsEntry("KAFKA_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", options.path("kafka").path("min_insync_replicas").asString())
                    .containsEntry("KAFKA_STANDBY_REPLICAS", "1");
            assertThat(Integer.parseInt(env.get("KAFKA_REPLICATION_FACTOR"))).as(service).isLessThanOrEqualTo(brokers);
        });
    }

    @Test
    void standbyReplicasHaveAnotherInstanceOnAnotherAgentToLiveOn() {
        Repo.marathonApps().forEach((service, app) -> {
            int standbys = Integer.parseInt(env(app).get("KAFKA_STANDBY_REPLICAS"));

            assertThat(app.path("instances").asInt()).as(service).isGreaterThan(standbys);
            assertThat(app.path("constraints").toString()).as(service).contains("[\"hostname\",\"UNIQUE\"]");
        });
    }

    @Test
    void livenessIsAMesosHttpCheckAndReadinessWaitsForKafkaStreams() {
        Repo.marathonApps().forEach((service, app) -> {
            JsonNode health = app.path("healthChecks").get(0);
            JsonNode readiness = app.path("readinessChecks").get(0);

            assertThat(app.path("healthChecks").size()).as(service).isEqualTo(1);
            assertThat(health.path("protocol").asString()).as(service).isEqualTo("MESOS_HTTP");
            assertThat(health.path("path").asString()).as(service).isEqualTo(HealthEndpoints.LIVENESS);
            assertThat(health.path("portIndex").asInt()).as(service).isZero();
            assertThat(readiness.path("path").asString()).as(service).isEqualTo(HealthEndpoints.READINESS);
            assertThat(readiness.path("httpStatusCodesForReady").toString()).as(service).isEqualTo("[200]");
        });
    }

    @Test
    void eachAppRunsTheImageTheImagesProfileBuilds() {
        Repo.marathonApps().forEach((service, app) -> {
            assertThat(app.path("container").path("type").asString()).as(service).isEqualTo("MESOS");
            assertThat(app.path("container").path("docker").path("image").asString()).as(service)
                    .isEqualTo(ImageProfile.imageOf(service));
        });
    }

    @Test
    void paymentFraudLimitIsTheDocumentedDefault() {
        String configured = Repo.applicationProperties("payment-service").getProperty("payment.fraud.hourly-limit");

        assertThat(configured).isEqualTo("${PAYMENT_FRAUD_HOURLY_LIMIT:" + env(Repo.marathonApps().get("payment-service"))
                .get("PAYMENT_FRAUD_HOURLY_LIMIT") + "}");
    }

    static Map<String, String> env(JsonNode app) {
        Map<String, String> env = new TreeMap<>();
        // A secret reference {"secret": "name"} reads as "secret:name".
        app.path("env").properties().forEach(entry -> env.put(entry.getKey(), entry.getValue().isObject()
                ? "secret:" + entry.getValue().path("secret").asString()
                : entry.getValue().asString()));
        return env;
    }
}
