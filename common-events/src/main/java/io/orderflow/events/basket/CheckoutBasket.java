package io.orderflow.events.basket;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.orderflow.events.EventType;
import io.orderflow.events.Ids;
import io.orderflow.events.command.Idempotency;
import java.time.Instant;
import java.util.Objects;

/**
 * Turns the basket into an order with the given id; the id is chosen by the API so it can answer at once.
 *
 * @param idempotency the request's {@code Idempotency-Key}, or null (then not written) when it had none
 */
@EventType("CheckoutBasket")
public record CheckoutBasket(String commandId, String customerId, String orderId, Instant requestedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Idempotency idempotency)
        implements BasketCommand {

    public CheckoutBasket {
        Objects.requireNonNull(commandId, "commandId");
        Ids.require(customerId, "customerId");
        Ids.require(orderId, "orderId");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** A command without an {@code Idempotency-Key}. */
    public CheckoutBasket(String commandId, String customerId, String orderId, Instant requestedAt) {
        this(commandId, customerId, orderId, requestedAt, null);
    }

    @Override
    public Kind kind() {
        return Kind.CHECKOUT;
    }
}
