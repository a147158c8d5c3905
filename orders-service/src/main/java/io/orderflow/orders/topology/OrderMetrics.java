package io.orderflow.orders.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Business metrics of the order flow: {@code orderflow.orders.reached{state}} counts orders reaching each
 * state, {@code orderflow.order.time.to.state{state}} times the way from creation to it,
 * {@code orderflow.orders.unshipped.overdue} counts validated orders still not shipped when the order timeout
 * has passed since their creation. Counted where the change is made, once per change (a replay after a crash
 * re-counts at most the uncommitted few).
 */
public final class OrderMetrics {

    private final Map<OrderState, Counter> reached = new EnumMap<>(OrderState.class);
    private final Map<OrderState, Timer> timeToState = new EnumMap<>(OrderState.class);
    private final Counter unshippedOverdue;

    public OrderMetrics(MeterRegistry registry) {
        for (OrderState state : OrderState.values()) {
            reached.put(state, Counter.builder("orderflow.orders.reached").tag("state", state.name())
                    .description("orders that reached this state").register(registry));
            timeToState.put(state, Timer.builder("orderflow.order.time.to.state").tag("state", state.name())
                    .description("time from an order's creation to this state").publishPercentileHistogram()
                    .register(registry));
        }
        unshippedOverdue = Counter.builder("orderflow.orders.unshipped.overdue")
                .description("validated orders not shipped within the order timeout of their creation").register(registry);
    }

    void unshippedOverdue() {
        unshippedOverdue.increment();
    }

    void record(OrderStateChanged change) {
        OrderState state = change.state();
        reached.get(state).increment();
        if (change.previousState() != null) {
            timeToState.get(state).record(Duration.between(change.order().createdAt(), change.order().updatedAt()));
        }
    }
}
