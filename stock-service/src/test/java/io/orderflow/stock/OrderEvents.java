package io.orderflow.stock;

import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Order events as orders-service publishes them, for feeding stock-service in tests. */
public final class OrderEvents {

    private OrderEvents() {
    }

    public static OrderLine line(String productId, int quantity) {
        return new OrderLine(productId, quantity, new BigDecimal("1.00"));
    }

    /** The event that creates an order: state CREATED, no previous state. */
    public static OrderStateChanged created(String orderId, OrderLine... lines) {
        List<OrderLine> items = List.of(lines);
        Instant now = Instant.now();
        Order order = new Order(orderId, "c-1", items, Order.totalOf(items), OrderState.CREATED, List.of(), now, now, null);
        return new OrderStateChanged(UUID.randomUUID().toString(), order, null);
    }

    /** The order of {@code previous} moved on to {@code state}. */
    public static OrderStateChanged moved(OrderStateChanged previous, OrderState state) {
        Order was = previous.order();
        Order order = new Order(was.id(), was.customerId(), was.items(), was.total(), state, was.rejections(),
                was.createdAt(), Instant.now(), state == OrderState.SHIPPED ? "s-" + was.id() : null);
        return new OrderStateChanged(UUID.randomUUID().toString(), order, was.state());
    }
}
