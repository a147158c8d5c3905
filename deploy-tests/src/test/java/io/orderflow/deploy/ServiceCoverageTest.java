package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every service the build makes is deployed by every descriptor, and no descriptor deploys something else. */
class ServiceCoverageTest {

    /**
     * Beside the services: the broker, its one-shot kafka-init step (users, topics, ACLs) and the dev issuer (the
     * local token issuer, never deployed to a cluster).
     */
    private static final Set<String> COMPOSE_INFRASTRUCTURE = Set.of("kafka", "kafka-init", "dev-issuer");

    @Test
    void theBuildHasTheFiveServices() {
        assertThat(Repo.serviceModules()).containsExactlyInAnyOrder(
                "orders-service", "basket-service", "payment-service", "stock-service", "fulfillment-service");
    }

    @Test
    void composeRunsExactlyTheServicesOfTheBuildBesideTheBroker() {
        Set<String> composeServices = new TreeSet<>(Repo.composeServices().keySet());
        composeServices.removeAll(COMPOSE_INFRASTRUCTURE);

        assertThat(composeServices).containsExactlyInAnyOrderElementsOf(Repo.serviceModules());
    }

    @Test
    void dcosHasOneAppDefinitionPerServiceOfTheBuild() {
        assertThat(Repo.marathonApps().keySet()).containsExactlyInAnyOrderElementsOf(Repo.serviceModules());
    }

    @Test
    void eachAppDefinitionIsNamedAfterItsServiceInTheOrderflowGroup() {
        Repo.marathonApps().forEach((service, app) ->
                assertThat(app.path("id").asString()).as(service).isEqualTo("/orderflow/" + service));
    }

    @Test
    void theGroupDeploysExactlyTheAppDefinitionFiles() {
        JsonNode group = Repo.marathonGroup();
        List<JsonNode> groupApps = new ArrayList<>(group.path("apps").values());

        assertThat(group.path("id").asString()).isEqualTo("/orderflow");
        assertThat(groupApps).hasSize(Repo.marathonApps().size());
        for (JsonNode groupApp : groupApps) {
            String service = groupApp.path("id").asString().substring("/orderflow/".length());
            assertThat(Repo.marathonApps()).containsKey(service);
            assertThat(groupApp).as("group copy of dcos/%s.json", service).isEqualTo(Repo.marathonApps().get(service));
        }
    }

    @Test
    void dependenciesNameAppsOfTheGroupOrTheKafkaService() {
        String kafkaApp = "/" + Repo.kafkaOptions().path("service").path("name").asString();
        Set<String> known = new TreeSet<>(Set.of(kafkaApp));
        Repo.marathonApps().values().forEach(app -> known.add(app.path("id").asString()));

        for (JsonNode dependency : Repo.marathonGroup().path("dependencies").values()) {
            assertThat(dependency.asString()).isIn(known);
        }
        Repo.marathonApps().forEach((service, app) -> {
            for (JsonNode dependency : app.path("dependencies").values()) {
                assertThat(dependency.asString()).as(service).isIn(known).isNotEqualTo(app.path("id").asString());
            }
        });
    }
}
