package io.orderflow.events.order;

/** What orders-service is asked to do; topic {@code order-commands}, keyed by order id. */
public sealed interface OrderCommand permits PlaceOrder, CancelOrder {

    String commandId();

    String orderId();
}
