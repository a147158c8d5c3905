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
}
