package io.orderflow.deploy;

/** The actuator paths the descriptors probe; HealthEndpointsTest proves the services serve them. */
final class HealthEndpoints {

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";

    private HealthEndpoints() {
    }
}
