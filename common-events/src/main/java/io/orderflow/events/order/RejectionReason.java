package io.orderflow.events.order;

/**
 * Why an order was rejected. Stock says {@code INSUFFICIENT_STOCK} or {@code UNKNOWN_PRODUCT}, payment
 * {@code INSUFFICIENT_FUNDS}, {@code UNKNOWN_CUSTOMER} or {@code FRAUD_SUSPECTED}; orders-service itself says
 * {@code TIMED_OUT} when the checks did not decide the order within the order timeout.
 */
public enum RejectionReason {
    INSUFFICIENT_STOCK,
    UNKNOWN_PRODUCT,
    INSUFFICIENT_FUNDS,
    UNKNOWN_CUSTOMER,
    FRAUD_SUSPECTED,
    TIMED_OUT
}
