package io.orderflow.events.order;

import io.orderflow.events.EventType;
import io.orderflow.events.Ids;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Asks for an order to be created. {@code requestedAt} becomes the order's {@code createdAt}, so the
 * order's creation time is the moment the client asked, however long the command waited on the topic.
 */
@EventType("PlaceOrder")
public record PlaceOrder(String commandId, String orderId, String customerId, List<OrderLine> items, Instant requestedAt)
        implements OrderCommand {

    public PlaceOrder {
        Objects.requireNonNull(commandId, "commandId");
        Ids.require(orderId, "orderId");
        Ids.require(customerId, "customerId");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
