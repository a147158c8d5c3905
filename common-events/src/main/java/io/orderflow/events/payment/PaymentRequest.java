package io.orderflow.events.payment;

import java.math.BigDecimal;

/**
 * What orders-service asks of payment-service for one order; topic {@code payment-requests}, keyed by
 * customer id, so every request about one customer's money is applied by the one task that owns it, in order.
 *
 * <p>Orders-service is the saga's coordinator: it asks for a hold when an order is created, and releases or
 * captures only a hold payment confirmed, each request exactly once (it decides inside its exactly-once
 * transaction). So every request carries its amount and payment keeps one running total of holds per
 * customer, whatever the number of open orders.
 */
public sealed interface PaymentRequest permits HoldPayment, ReleasePayment, CapturePayment {

    String orderId();

    String customerId();

    /** The order's total. */
    BigDecimal amount();

    /**
     * What kind of payment request this is: each type answers its own constant, so a new type needs a constant here,
     * and every switch expression over the kinds stops compiling until it handles it (Java 17's exhaustive
     * dispatch, without type patterns in switch).
     */
    Kind kind();

    enum Kind {
        HOLD, RELEASE, CAPTURE
    }
}
