package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The descriptors pass Marathon's schema and the validation rules its API applies on top of it. */
class MarathonRulesTest {

    private final JsonSchemaSubset schema = JsonSchemaSubset.marathon();

    @Test
    void everyAppDefinitionHasOnlyFieldsAndValuesMarathonsSchemaAllows() {
        Repo.marathonApps().forEach((service, app) ->
                assertThat(schema.validate("AppDefinition.json", app)).as("dcos/%s.json", service).isEmpty());
    }

    @Test
    void theGroupDefinitionPassesMarathonsGroupSchema() {
        assertThat(schema.validate("Group.json", Repo.marathonGroup())).isEmpty();
    }

    @Test
    void everyAppDefinitionPassesMarathonsValidationRules() {
        Repo.marathonApps().forEach((service, app) ->
                assertThat(MarathonRules.violations(app)).as("dcos/%s.json", service).isEmpty());
        for (JsonNode app : Repo.marathonGroup().path("apps").values()) {
            assertThat(MarathonRules.violations(app)).as(app.path("id").asString()).isEmpty();
        }
    }

    @Test
    void everyAppWithAPersistentVolumeUpgradesWithoutOverCapacity() {
        Repo.marathonApps().forEach((service, app) -> {
            assertThat(MarathonRules.persistentVolumeNodes(app)).as(service).isNotEmpty();
            assertThat(app.path("upgradeStrategy").path("maximumOverCapacity").asDouble(1)).as(service).isZero();
            assertThat(app.path("unreachableStrategy").asString()).as(service).isEqualTo("disabled");
            assertThat(app.path("residency").path("taskLostBehavior").asString()).as(service).isEqualTo("WAIT_FOREVER");
        });
    }
}
