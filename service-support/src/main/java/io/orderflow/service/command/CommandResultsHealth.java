package io.orderflow.service.command;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Contributor {@code commandResults}, in the readiness group: can this instance answer writes? One entry per
 * command gateway of the service (none in a read-only service, which is then simply UP). An instance whose
 * result listener is not positioned yet, or has been failing past its bound, would answer every write
 * {@code 503}; out of the load balancer, its siblings answer instead.
 */
public final class CommandResultsHealth implements HealthIndicator {

    private static final List<Status> WORST_FIRST = List.of(Status.DOWN, Status.OUT_OF_SERVICE, Status.UNKNOWN);

    private final ObjectProvider<CommandGateway<?>> gateways;

    public CommandResultsHealth(ObjectProvider<CommandGateway<?>> gateways) {
        this.gateways = gateways;
    }

    @Override
    public Health health() {
        Map<String, Health> listeners = new TreeMap<>();
        gateways.orderedStream().forEach(gateway -> {
            Health health = gateway.resultsHealth();
            listeners.put(String.valueOf(health.getDetails().get("topic")), health);
        });
        Status status = WORST_FIRST.stream()
                .filter(worst -> listeners.values().stream().anyMatch(h -> h.getStatus().equals(worst)))
                .findFirst().orElse(Status.UP);
        return Health.status(status).withDetails(Map.of("listeners", listeners)).build();
    }
}
