package io.orderflow.events.shipment;

import io.orderflow.events.EventType;
import io.orderflow.events.Ids;
import io.orderflow.events.order.OrderLine;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Fulfillment shipped a validated order; topic {@code shipments}, keyed by order id. */
@EventType("ShipmentCreated")
public record ShipmentCreated(String shipmentId, String orderId, String customerId, List<OrderLine> items,
        Instant createdAt) {

    public ShipmentCreated {
        Ids.require(shipmentId, "shipmentId");
        Ids.require(orderId, "orderId");
        Ids.require(customerId, "customerId");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
