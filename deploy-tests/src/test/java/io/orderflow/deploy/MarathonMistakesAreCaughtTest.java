package io.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each check the consistency tests rely on does fail on the mistake it is there for: a valid app definition,
 * broken in one place, is reported with a message naming the problem.
 */
class MarathonMistakesAreCaughtTest {

    private final JsonSchemaSubset schema = JsonSchemaSubset.marathon();

    @Test
    void aMisspeltFieldIsAnUnknownField() {
        JsonNode app = broken(a -> a.set("healthCheks", a.get("healthChecks")));

        assertThat(schema.validate("AppDefinition.json", app)).anyMatch(e -> e.contains("unknown field \"healthCheks\""));
    }

    @Test
    void aMisspeltNestedFieldIsAnUnknownField() {
        JsonNode app = broken(a -> ((ObjectNode) a.get("readinessChecks").get(0)).put("intervalSecond", 10));

        assertThat(schema.validate("AppDefinition.json", app))
                .anyMatch(e -> e.startsWith("$.readinessChecks[0].intervalSecond") && e.contains("unknown field"));
    }

    @Test
    void aValueOutsideAnEnumTheWrongTypeOrABadPatternIsReported() {
        assertThat(schema.validate("AppDefinition.json",
                broken(a -> ((ObjectNode) a.get("healthChecks").get(0)).put("protocol", "MESOS_HTTP2"))))
                .anyMatch(e -> e.contains("is not one of"));
        assertThat(schema.validate("AppDefinition.json", broken(a -> a.put("instances", "2"))))
                .anyMatch(e -> e.startsWith("$.instances: expected"));
        assertThat(schema.validate("AppDefinition.json",
                broken(a -> ((ObjectNode) a.get("portDefinitions").get(0)).put("name", "HTTP"))))
                .anyMatch(e -> e.contains("does not match"));
        assertThat(schema.validate("AppDefinition.json", broken(a -> a.put("unreachableStrategy", "enabled"))))
                .anyMatch(e -> e.contains("oneOf"));
        assertThat(schema.validate("AppDefinition.json", broken(a -> a.put("cmd", "java").set("args", a.arrayNode().add("x")))))
                .anyMatch(e -> e.contains("must not match"));
    }

    @Test
    void aGroupWithAMisspeltAppFieldFailsTheGroupSchema() {
        ObjectNode group = (ObjectNode) Repo.marathonGroup().deepCopy();
        ((ObjectNode) group.get("apps").get(0)).put("memory", 512);

        assertThat(schema.validate("Group.json", group)).anyMatch(e -> e.contains("$.apps[0].memory"));
    }

    @Test
    void aReadinessCheckOnAPortNameThatDoesNotExistIsReported() {
        JsonNode app = broken(a -> ((ObjectNode) a.get("readinessChecks").get(0)).put("portName", "http-api"));

        assertThat(MarathonRules.violations(app)).containsExactly("readiness check portName \"http-api\" is not a port name [http]");
    }

    @Test
    void aTimeoutThatIsNotBelowItsIntervalIsReported() {
        JsonNode readiness = broken(a -> ((ObjectNode) a.get("readinessChecks").get(0)).put("timeoutSeconds", 10));
        JsonNode health = broken(a -> ((ObjectNode) a.get("healthChecks").get(0)).put("timeoutSeconds", 15));

        assertThat(MarathonRules.violations(readiness)).containsExactly("readiness check timeoutSeconds 10 is not below intervalSeconds 10");
        assertThat(MarathonRules.violations(health)).containsExactly("health check timeoutSeconds 15 is not below intervalSeconds 15");
    }

    @Test
    void aPersistentVolumeWithOverCapacityOrWithoutResidencyIsReported() {
        JsonNode overCapacity = broken(a -> ((ObjectNode) a.get("upgradeStrategy")).put("maximumOverCapacity", 0.5));
        JsonNode fullCapacity = broken(a -> ((ObjectNode) a.get("upgradeStrategy")).put("minimumHealthCapacity", 1));
        JsonNode noResidency = broken(a -> a.remove("residency"));
        JsonNode expunged = broken(a -> a.set("unreachableStrategy",
                a.objectNode().put("inactiveAfterSeconds", 60).put("expungeAfterSeconds", 120)));

        assertThat(MarathonRules.violations(overCapacity)).anyMatch(v -> v.contains("maximumOverCapacity 0"));
        assertThat(MarathonRules.violations(fullCapacity)).anyMatch(v -> v.contains("minimumHealthCapacity <= 0.5"));
        assertThat(MarathonRules.violations(noResidency)).contains("an app with persistent volumes must define residency");
        assertThat(MarathonRules.violations(expunged)).anyMatch(v -> v.contains("unreachableStrategy \"disabled\""));
    }

    @Test
    void aNestedPersistentVolumePathIsReported() {
        JsonNode app = broken(a -> ((ObjectNode) a.get("container").get("volumes").get(0)).put("containerPath", "/var/lib/state"));

        assertThat(MarathonRules.violations(app)).anyMatch(v -> v.contains("must be one relative path segment"));
    }

    @Test
    void portMappingsWithHostNetworkingAndTwoMesosHealthChecksAreReported() {
        JsonNode mappings = broken(a -> ((ObjectNode) a.get("container")).set("portMappings",
                a.arrayNode().add(a.objectNode().put("containerPort", 8081).put("name", "http"))));
        JsonNode twoChecks = broken(a -> ((ArrayNode) a.get("healthChecks")).add(a.get("healthChecks").get(0).deepCopy()));

        assertThat(MarathonRules.violations(mappings)).contains("portMappings are not allowed with host networking");
        assertThat(MarathonRules.violations(twoChecks)).contains("at most one Mesos health check is allowed, found 2");
    }

    @Test
    void theUnbrokenAppPassesEveryCheck() {
        JsonNode app = Repo.marathonApps().get("orders-service");

        assertThat(schema.validate("AppDefinition.json", app)).isEmpty();
        assertThat(MarathonRules.violations(app)).isEqualTo(List.of());
    }

    private static JsonNode broken(Consumer<ObjectNode> change) {
        ObjectNode app = (ObjectNode) Repo.marathonApps().get("orders-service").deepCopy();
        change.accept(app);
        return app;
    }
}
