package io.orderflow.events.order;

import io.orderflow.events.command.Idempotency;

/**
 * What orders-service is asked to do; topic {@code order-commands}, keyed by order id (a
 * {@link PlaceOrderViaKey} by its key's derived id).
 */
public sealed interface OrderCommand permits PlaceOrder, CancelOrder, PlaceOrderViaKey {

    String commandId();

    String orderId();

    /** The request's {@code Idempotency-Key}, or null when it had none. */
    Idempotency idempotency();

    /**
     * What kind of order command this is: each type answers its own constant, so a new type needs a constant here,
     * and every switch expression over the kinds stops compiling until it handles it (Java 17's exhaustive
     * dispatch, without type patterns in switch).
     */
    Kind kind();

    enum Kind {
        PLACE, CANCEL, PLACE_VIA_KEY
    }
}
