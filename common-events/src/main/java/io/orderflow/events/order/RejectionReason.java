package io.orderflow.events.order;

public enum RejectionReason {
    INSUFFICIENT_STOCK,
    UNKNOWN_PRODUCT,
    INSUFFICIENT_FUNDS,
    UNKNOWN_CUSTOMER,
    FRAUD_SUSPECTED
}
