package io.orderflow.events.order;

import io.orderflow.events.EventType;
import java.util.Objects;

/**
 * Published by orders-service on topic {@code orders} (keyed by order id) each time an order reaches a
 * new state. It carries the whole order, so a consumer never has to join to learn what the order holds.
 * {@code previousState} is null for the event that creates the order.
 */
@EventType("OrderStateChanged")
public record OrderStateChanged(String eventId, Order order, OrderState previousState) {

    public OrderStateChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(order, "order");
    }

    public OrderState state() {
        return order.state();
    }
}
