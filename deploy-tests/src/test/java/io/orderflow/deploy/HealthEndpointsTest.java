package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The probe paths in docker-compose.yml and dcos/ exist only because of configuration: probes enabled, the health
 * endpoint exposed on the server port under /actuator, readiness tied to Kafka Streams. A change there must fail
 * here rather than on a cluster whose health checks suddenly get 404s.
 */
class HealthEndpointsTest {

    @Test
    void everyServiceServesLivenessAndReadinessUnderActuatorOnItsServerPort() {
        Properties defaults = Repo.sharedDefaults();
        assertThat(defaults.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(Arrays.asList(defaults.getProperty("management.endpoints.web.exposure.include").split(",")))
                .contains("health");
        assertThat(HealthEndpoints.LIVENESS).isEqualTo("/actuator/health/liveness");
        assertThat(HealthEndpoints.READINESS).isEqualTo("/actuator/health/readiness");

        for (String service : Repo.serviceModules()) {
            Properties application = Repo.applicationProperties(service);
            for (Properties properties : new Properties[] {defaults, application}) {
                assertThat(properties.getProperty("management.endpoints.web.base-path", "/actuator")).as(service)
                        .isEqualTo("/actuator");
                assertThat(properties.getProperty("management.server.port")).as(service + ": actuator on another port")
                        .isNull();
                assertThat(properties.getProperty("server.servlet.context-path")).as(service).isNull();
            }
        }
    }

    @Test
    void readinessWaitsForKafkaStreamsAndLivenessWatchesIt() {
        Properties defaults = Repo.sharedDefaults();

        assertThat(defaults.getProperty("management.endpoint.health.group.readiness.include")).contains("kafkaStreams")
                .as("an instance that cannot read its command results answers no write").contains("commandResults");
        assertThat(defaults.getProperty("management.endpoint.health.group.liveness.include")).contains("livenessState");
    }
}
