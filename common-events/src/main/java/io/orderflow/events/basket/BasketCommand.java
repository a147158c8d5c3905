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

    /**
     * What kind of basket command this is: each type answers its own constant, so a new type needs a constant here,
     * and every switch expression over the kinds stops compiling until it handles it (Java 17's exhaustive
     * dispatch, without type patterns in switch).
     */
    Kind kind();

    enum Kind {
        ADD_ITEM, REMOVE_ITEM, CHECKOUT
    }
}
