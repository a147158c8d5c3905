package io.orderflow.fulfillment.domain;

import io.orderflow.events.Ids;
import io.orderflow.events.order.OrderLine;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What fulfillment-service stores per order (the value of {@code shipments-store}, keyed by order id). */
public record Shipment(String shipmentId, String orderId, String customerId, ShipmentStatus status,
        List<OrderLine> items, Instant createdAt) {

    public Shipment {
        Ids.require(shipmentId, "shipmentId");
        Ids.require(orderId, "orderId");
        Ids.require(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(createdAt, "createdAt");
    }

    Shipment withStatus(ShipmentStatus next) {
        return new Shipment(shipmentId, orderId, customerId, next, items, createdAt);
    }
}
