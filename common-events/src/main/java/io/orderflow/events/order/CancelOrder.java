package io.orderflow.events.order;

import io.orderflow.events.EventType;
import io.orderflow.events.Ids;
import java.time.Instant;
import java.util.Objects;

@EventType("CancelOrder")
public record CancelOrder(String commandId, String orderId, Instant requestedAt) implements OrderCommand {

    public CancelOrder {
        Objects.requireNonNull(commandId, "commandId");
        Ids.require(orderId, "orderId");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
