package io.orderflow.fulfillment.domain;

import io.orderflow.events.shipment.ShipmentCreated;

/**
 * The outcome of one order event for its shipment: the shipment to store (null: leave the store as it is)
 * and the event to publish on {@code shipments} (null: none).
 */
public record ShipmentStep(Shipment next, ShipmentCreated event) {

    static ShipmentStep nothing() {
        return new ShipmentStep(null, null);
    }
}
