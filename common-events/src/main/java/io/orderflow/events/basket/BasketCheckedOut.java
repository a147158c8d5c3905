package io.orderflow.events.basket;

import io.orderflow.events.EventType;
import io.orderflow.events.Ids;
import io.orderflow.events.order.OrderLine;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A basket became an order request; topic {@code basket-checkouts}, keyed by the new order's id so
 * orders-service reads it in the same partition as every other input about that order.
 */
@EventType("BasketCheckedOut")
public record BasketCheckedOut(String commandId, String orderId, String customerId, List<OrderLine> items,
        Instant checkedOutAt) {

    public BasketCheckedOut {
        Objects.requireNonNull(commandId, "commandId");
        Ids.require(orderId, "orderId");
        Ids.require(customerId, "customerId");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a checkout has at least one line");
        }
        Objects.requireNonNull(checkedOutAt, "checkedOutAt");
    }
}
