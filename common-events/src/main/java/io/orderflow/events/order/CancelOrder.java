package io.orderflow.events.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.orderflow.events.EventType;
import io.orderflow.events.Ids;
import io.orderflow.events.command.Idempotency;
import java.time.Instant;
import java.util.Objects;

/** @param idempotency the request's {@code Idempotency-Key}, or null (then not written) when it had none */
@EventType("CancelOrder")
public record CancelOrder(String commandId, String orderId, Instant requestedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Idempotency idempotency) implements OrderCommand {

    public CancelOrder {
        Objects.requireNonNull(commandId, "commandId");
        Ids.require(orderId, "orderId");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** A command without an {@code Idempotency-Key}. */
    public CancelOrder(String commandId, String orderId, Instant requestedAt) {
        this(commandId, orderId, requestedAt, null);
    }

    @Override
    public Kind kind() {
        return Kind.CANCEL;
    }
}
