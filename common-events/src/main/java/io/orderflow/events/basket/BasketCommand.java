package io.orderflow.events.basket;

import io.orderflow.events.command.Idempotency;

/** Commands to basket-service; topic {@code basket-commands}, keyed by customer id. */
public sealed interface BasketCommand permits AddBasketItem, RemoveBasketItem, CheckoutBasket {

    String commandId();

    String customerId();

    /** The request's {@code Idempotency-Key}, or null when it had none (a {@code DELETE} never has one). */
    default Idempotency idempotency() {
        return null;
    }
}
