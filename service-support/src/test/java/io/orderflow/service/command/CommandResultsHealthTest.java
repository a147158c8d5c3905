package io.orderflow.service.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.ResolvableType;

/** Readiness for writes: the worst of the service's result listeners, each shown under its topic. */
class CommandResultsHealthTest {

    private static CommandGateway<?> gatewayWith(String topic, Status status) {
        CommandGateway<?> gateway = mock(CommandGateway.class);
        when(gateway.resultsHealth()).thenReturn(Health.status(status).withDetail("topic", topic).build());
        return gateway;
    }

    private static Health healthOf(CommandGateway<?>... gateways) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        for (int i = 0; i < gateways.length; i++) {
            beans.addBean("gateway" + i, gateways[i]);
        }
        return new CommandResultsHealth(beans.getBeanProvider(ResolvableType.forClassWithGenerics(
                CommandGateway.class, ResolvableType.forClass(Object.class)))).health();
    }

    @Test
    void aServiceWithoutWritesIsUp() {
        assertThat(healthOf().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyListenerUpIsUpAndEachIsShownUnderItsTopic() {
        Health health = healthOf(gatewayWith("stock-command-results", Status.UP),
                gatewayWith("account-command-results", Status.UP));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat((Map<String, Object>) health.getDetails().get("listeners"))
                .containsOnlyKeys("account-command-results", "stock-command-results");
    }

    @Test
    void oneListenerNotPositionedOrFailingTakesTheInstanceOutOfReadiness() {
        for (Status bad : List.of(Status.DOWN, Status.OUT_OF_SERVICE, Status.UNKNOWN)) {
            Health health = healthOf(gatewayWith("a-results", Status.UP), gatewayWith("b-results", bad));

            assertThat(health.getStatus()).as("one listener %s", bad).isEqualTo(bad);
        }
    }

    @Test
    void theWorstStatusWins() {
        Health health = healthOf(gatewayWith("a-results", Status.UNKNOWN), gatewayWith("b-results", Status.DOWN),
                gatewayWith("c-results", Status.OUT_OF_SERVICE));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }
}
