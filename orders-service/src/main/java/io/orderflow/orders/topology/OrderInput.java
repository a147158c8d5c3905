package io.orderflow.orders.topology;

import io.orderflow.events.basket.BasketCheckedOut;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.OrderCommand;
import io.orderflow.events.shipment.ShipmentCreated;

/**
 * Everything that can happen to an order, from four topics, merged into one stream so a single processor
 * applies them in partition order. Never serialised: it lives only between the merge and the processor.
 */
sealed interface OrderInput {

    record Command(OrderCommand command) implements OrderInput {
    }

    record Checkout(BasketCheckedOut checkout) implements OrderInput {
    }

    record Check(OrderCheckCompleted result) implements OrderInput {
    }

    record Shipment(ShipmentCreated shipment) implements OrderInput {
    }
}
