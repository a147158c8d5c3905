package io.orderflow.events.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.orderflow.events.EventType;
import io.orderflow.events.Ids;
import io.orderflow.events.command.Idempotency;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Asks for an order to be created. {@code requestedAt} becomes the order's {@code createdAt}, so the
 * order's creation time is the moment the client asked, however long the command waited on the topic.
 *
 * @param idempotency the request's {@code Idempotency-Key}, or null (then not written) when it had none
 */
@EventType("PlaceOrder")
public record PlaceOrder(String commandId, String orderId, String customerId, List<OrderLine> items, Instant requestedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Idempotency idempotency)
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

    /** A command without an {@code Idempotency-Key}. */
    public PlaceOrder(String commandId, String orderId, String customerId, List<OrderLine> items, Instant requestedAt) {
        this(commandId, orderId, customerId, items, requestedAt, null);
    }

    @Override
    public Kind kind() {
        return Kind.PLACE;
    }
}
