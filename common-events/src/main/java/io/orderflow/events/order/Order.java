package io.orderflow.events.order;

import io.orderflow.events.Ids;
import io.orderflow.events.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order as the whole suite sees it: the body of every read and the payload of every
 * {@link OrderStateChanged}. Transitions live in orders-service's domain; this is only the data.
 */
public record Order(
        String id,
        String customerId,
        List<OrderLine> items,
        BigDecimal total,
        OrderState state,
        List<Rejection> rejections,
        Instant createdAt,
        Instant updatedAt,
        String shipmentId) {

    public Order {
        Ids.require(id, "id");
        Ids.require(customerId, "customerId");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        total = Money.of(Objects.requireNonNull(total, "total"));
        Objects.requireNonNull(state, "state");
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static BigDecimal totalOf(List<OrderLine> items) {
        return Money.of(items.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
