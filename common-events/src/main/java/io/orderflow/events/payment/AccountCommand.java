package io.orderflow.events.payment;

/** Commands to payment-service; topic {@code account-commands}, keyed by customer id. */
public sealed interface AccountCommand permits SetBalance {

    String commandId();

    String customerId();
}
