package io.orderflow.fulfillment.domain;

import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.shipment.ShipmentCreated;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What an order's state change means for its shipment, as a plain function of (stored shipment, event, now).
 *
 * <pre>
 * VALIDATED, no shipment yet   --> shipment SHIPPED, ShipmentCreated published
 * VALIDATED, shipment exists   --> nothing (a redelivered or replayed event ships nothing twice)
 * CANCELLED, shipment SHIPPED  --> shipment CANCELLED (the cancel won the race; nothing is published)
 * anything else                --> nothing
 * </pre>
 */
public final class ShipmentRules {

    private ShipmentRules() {
    }

    public static ShipmentStep onOrderChanged(Shipment current, OrderStateChanged change, Instant now) {
        Order order = change.order();
        if (order.state() == OrderState.VALIDATED && current == null) {
            return ship(order, now);
        }
        if (order.state() == OrderState.CANCELLED && current != null && current.status() == ShipmentStatus.SHIPPED) {
            return new ShipmentStep(current.withStatus(ShipmentStatus.CANCELLED), null);
        }
        return ShipmentStep.nothing();
    }

    private static ShipmentStep ship(Order order, Instant now) {
        // Never dated before the validation it answers, even when this host's clock is behind orders-service's.
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        if (at.isBefore(order.updatedAt())) {
            at = order.updatedAt().truncatedTo(ChronoUnit.MILLIS);
        }
        Shipment shipment = new Shipment(ShipmentIds.forOrder(order.id()), order.id(), order.customerId(),
                ShipmentStatus.SHIPPED, order.items(), at);
        ShipmentCreated event = new ShipmentCreated(shipment.shipmentId(), shipment.orderId(), shipment.customerId(),
                shipment.items(), shipment.createdAt());
        return new ShipmentStep(shipment, event);
    }
}
