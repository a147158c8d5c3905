package io.orderflow.events.payment;

/** Commands to payment-service; topic {@code account-commands}, keyed by customer id. */
public sealed interface AccountCommand permits SetBalance {

    String commandId();

    String customerId();

    /**
     * What kind of account command this is: each type answers its own constant, so a new type needs a constant here,
     * and every switch expression over the kinds stops compiling until it handles it (Java 17's exhaustive
     * dispatch, without type patterns in switch).
     */
    Kind kind();

    enum Kind {
        SET_BALANCE
    }
}
