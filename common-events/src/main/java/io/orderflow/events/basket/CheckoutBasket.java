package io.orderflow.events.basket;

import io.orderflow.events.EventType;
import io.orderflow.events.Ids;
import java.time.Instant;
import java.util.Objects;

/** Turns the basket into an order with the given id; the id is chosen by the API so it can answer at once. */
@EventType("CheckoutBasket")
public record CheckoutBasket(String commandId, String customerId, String orderId, Instant requestedAt)
        implements BasketCommand {

    public CheckoutBasket {
        Objects.requireNonNull(commandId, "commandId");
        Ids.require(customerId, "customerId");
        Ids.require(orderId, "orderId");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
