package io.orderflow.events.order;

/** The life of an order. REJECTED, CANCELLED and SHIPPED are final. */
public enum OrderState {
    CREATED,
    VALIDATED,
    SHIPPED,
    REJECTED,
    CANCELLED;

    public boolean isFinal() {
        return this == SHIPPED || this == REJECTED || this == CANCELLED;
    }
}
