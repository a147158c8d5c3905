package io.orderflow.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The rules Marathon's API enforces on an app beyond its JSON schema (AppValidation and SchedulingValidation in
 * Marathon's source, and its persistent-volume docs), the ones a typo or a copy-paste would break. Each method
 * returns the violations as text, empty when the app passes.
 */
final class MarathonRules {

    /** Marathon's defaults when a check leaves the field out. */
    private static final int READINESS_DEFAULT_INTERVAL = 30;
    private static final int READINESS_DEFAULT_TIMEOUT = 10;
    private static final int HEALTH_DEFAULT_INTERVAL = 60;
    private static final int HEALTH_DEFAULT_TIMEOUT = 20;
    private static final Set<String> MESOS_HEALTH_PROTOCOLS = Set.of("MESOS_HTTP", "MESOS_HTTPS", "MESOS_TCP", "COMMAND");

    private MarathonRules() {
    }

    static List<String> violations(JsonNode app) {
        List<String> violations = new ArrayList<>();
        violations.addAll(readinessChecks(app));
        violations.addAll(healthChecks(app));
        violations.addAll(networking(app));
        violations.addAll(persistentVolumes(app));
        violations.addAll(residentTasks(app));
        return violations;
    }

    /** At most one readiness check; its portName names a port; its timeout is below its interval. */
    static List<String> readinessChecks(JsonNode app) {
        List<String> violations = new ArrayList<>();
        JsonNode checks = app.path("readinessChecks");
        if (checks.size() > 1) {
            violations.add("at most one readiness check is allowed, found " + checks.size());
        }
        Set<String> ports = portNames(app);
        for (JsonNode check : checks.values()) {
            String portName = check.path("portName").asString("http-api");
            if (!ports.contains(portName)) {
                violations.add("readiness check portName \"" + portName + "\" is not a port name " + ports);
            }
            int interval = check.path("intervalSeconds").asInt(READINESS_DEFAULT_INTERVAL);
            int timeout = check.path("timeoutSeconds").asInt(READINESS_DEFAULT_TIMEOUT);
            if (timeout >= interval) {
                violations.add("readiness check timeoutSeconds " + timeout + " is not below intervalSeconds " + interval);
            }
        }
        return violations;
    }

    /** Timeouts below intervals, at most one Mesos-run check, port indexes that exist. */
    static List<String> healthChecks(JsonNode app) {
        List<String> violations = new ArrayList<>();
        int ports = portCount(app);
        int mesosChecks = 0;
        for (JsonNode check : app.path("healthChecks").values()) {
            int interval = check.path("intervalSeconds").asInt(HEALTH_DEFAULT_INTERVAL);
            int timeout = check.path("timeoutSeconds").asInt(HEALTH_DEFAULT_TIMEOUT);
            if (timeout >= interval) {
                violations.add("health check timeoutSeconds " + timeout + " is not below intervalSeconds " + interval);
            }
            if (MESOS_HEALTH_PROTOCOLS.contains(check.path("protocol").asString("HTTP"))) {
                mesosChecks++;
            }
            if (check.has("portIndex") && check.get("portIndex").asInt() >= ports) {
                violations.add("health check portIndex " + check.get("portIndex").asInt() + " but only " + ports + " port(s)");
            }
        }
        if (mesosChecks > 1) {
            violations.add("at most one Mesos health check is allowed, found " + mesosChecks);
        }
        return violations;
    }

    /** portDefinitions only with host networking, portMappings never with it. */
    static List<String> networking(JsonNode app) {
        List<String> violations = new ArrayList<>();
        boolean host = isHostNetworking(app);
        if (host && app.path("container").path("portMappings").size() > 0) {
            violations.add("portMappings are not allowed with host networking");
        }
        if (!host && app.path("portDefinitions").size() > 0) {
            violations.add("portDefinitions are only allowed with host networking");
        }
        return violations;
    }

    /** A local persistent volume: RW, a positive size, a one-level relative containerPath. */
    static List<String> persistentVolumes(JsonNode app) {
        List<String> violations = new ArrayList<>();
        for (JsonNode volume : persistentVolumeNodes(app)) {
            String containerPath = volume.path("containerPath").asString("");
            if (containerPath.isEmpty() || containerPath.contains("/") || containerPath.equals(".") || containerPath.equals("..")) {
                violations.add("persistent volume containerPath \"" + containerPath + "\" must be one relative path segment");
            }
            if (!volume.path("mode").asString("RW").equals("RW")) {
                violations.add("persistent volume mode must be RW");
            }
            JsonNode persistent = volume.get("persistent");
            if (persistent.path("size").asLong(0) <= 0) {
                violations.add("persistent volume size must be > 0");
            }
            if (persistent.path("type").asString("root").equals("root") && persistent.path("constraints").size() > 0) {
                violations.add("constraints on root persistent volumes are not supported");
            }
        }
        return violations;
    }

    /**
     * Resident tasks (apps with persistent volumes) take over their reservation on upgrade, so Marathon must stop
     * an old task before it starts the new one: no over-capacity, and at most half the capacity kept (older
     * Marathon versions reject more). Marathon also wants residency declared exactly when there are persistent
     * volumes, and the unreachable strategy disabled, or it would replace the task elsewhere and drop the data.
     */
    static List<String> residentTasks(JsonNode app) {
        List<String> violations = new ArrayList<>();
        boolean resident = !persistentVolumeNodes(app).isEmpty();
        if (resident != app.has("residency")) {
            violations.add(resident ? "an app with persistent volumes must define residency"
                    : "residency is only allowed with persistent volumes");
        }
        if (!resident) {
            return violations;
        }
        JsonNode strategy = app.path("upgradeStrategy");
        double overCapacity = strategy.path("maximumOverCapacity").asDouble(1.0);
        double healthCapacity = strategy.path("minimumHealthCapacity").asDouble(1.0);
        if (overCapacity != 0.0) {
            violations.add("persistent volumes need upgradeStrategy.maximumOverCapacity 0, not " + overCapacity);
        }
        if (healthCapacity > 0.5) {
            violations.add("persistent volumes need upgradeStrategy.minimumHealthCapacity <= 0.5, not " + healthCapacity);
        }
        JsonNode unreachable = app.path("unreachableStrategy");
        if (!unreachable.isString() || !unreachable.asString().equals("disabled")) {
            violations.add("persistent volumes need unreachableStrategy \"disabled\", not " + unreachable);
        }
        return violations;
    }

    static List<JsonNode> persistentVolumeNodes(JsonNode app) {
        List<JsonNode> volumes = new ArrayList<>();
        for (JsonNode volume : app.path("container").path("volumes").values()) {
            if (volume.has("persistent")) {
                volumes.add(volume);
            }
        }
        return volumes;
    }

    static boolean isHostNetworking(JsonNode app) {
        JsonNode networks = app.path("networks");
        if (networks.isEmpty()) {
            return true;
        }
        for (JsonNode network : networks.values()) {
            if (!network.path("mode").asString("container").equals("host")) {
                return false;
            }
        }
        return true;
    }

    static Set<String> portNames(JsonNode app) {
        Set<String> names = new TreeSet<>();
        JsonNode ports = isHostNetworking(app) ? app.path("portDefinitions") : app.path("container").path("portMappings");
        for (JsonNode port : ports.values()) {
            if (port.has("name")) {
                names.add(port.get("name").asString());
            }
        }
        return names;
    }

    private static int portCount(JsonNode app) {
        return isHostNetworking(app) ? app.path("portDefinitions").size() : app.path("container").path("portMappings").size();
    }
}
