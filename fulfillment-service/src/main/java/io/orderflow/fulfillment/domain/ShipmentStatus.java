package io.orderflow.fulfillment.domain;

/**
 * SHIPPED once the shipment is made; CANCELLED when the order's cancel won the race against the shipment
 * (orders-service ignored the late {@code ShipmentCreated}), so the goods are not both sent and refunded.
 */
public enum ShipmentStatus {
    SHIPPED,
    CANCELLED
}
