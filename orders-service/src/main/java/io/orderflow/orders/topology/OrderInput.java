package io.orderflow.orders.topology;

import io.orderflow.events.basket.BasketCheckedOut;
import io.orderflow.events.order.CancelOrder;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.OrderCommand;
import io.orderflow.events.order.PlaceOrder;
import io.orderflow.events.shipment.ShipmentCreated;
import io.orderflow.orders.domain.OrderLifecycle;
import io.orderflow.orders.domain.OrderRecord;
import io.orderflow.orders.domain.Step;
import java.time.Instant;

/**
 * Everything that can happen to an order, from four topics, merged into one stream so a single processor
 * applies them in partition order. Each kind says which rule of {@link OrderLifecycle} it goes through, so a
 * new kind does not compile until it does. Never serialised: it lives only between the merge and the processor.
 */
sealed interface OrderInput {

    Step applyTo(OrderRecord current, Instant now);

    /** The command this input is; null for what other services tell orders-service. */
    default OrderCommand command() {
        return null;
    }

    static OrderInput of(OrderCommand command) {
        // Each cast is to the type of its kind (OrderCommand.Kind).
        return switch (command.kind()) {
            case PLACE -> new Place((PlaceOrder) command);
            case CANCEL -> new Cancel((CancelOrder) command);
            case PLACE_VIA_KEY -> throw new IllegalArgumentException(
                    command + " goes through its key's check (OrderKeyCheck), not to an order");
        };
    }

    record Place(PlaceOrder command) implements OrderInput {
        @Override
        public Step applyTo(OrderRecord current, Instant now) {
            return OrderLifecycle.place(current, command);
        }
    }

    record Cancel(CancelOrder command) implements OrderInput {
        @Override
        public Step applyTo(OrderRecord current, Instant now) {
            return OrderLifecycle.cancel(current, command, now);
        }
    }

    /** A checkout is an order request like any other; its order id was chosen by basket-service. */
    record Checkout(BasketCheckedOut checkout) implements OrderInput {
        @Override
        public Step applyTo(OrderRecord current, Instant now) {
            return OrderLifecycle.place(current, new PlaceOrder(checkout.commandId(), checkout.orderId(),
                    checkout.customerId(), checkout.items(), checkout.checkedOutAt()));
        }
    }

    record Check(OrderCheckCompleted verdict) implements OrderInput {
        @Override
        public Step applyTo(OrderRecord current, Instant now) {
            return OrderLifecycle.check(current, verdict, now);
        }
    }

    record Shipment(ShipmentCreated shipment) implements OrderInput {
        @Override
        public Step applyTo(OrderRecord current, Instant now) {
            return OrderLifecycle.shipped(current, shipment, now);
        }
    }
}
