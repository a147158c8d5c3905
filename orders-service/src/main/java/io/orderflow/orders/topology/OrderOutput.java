package io.orderflow.orders.topology;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.order.OrderCommand;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.payment.PaymentRequest;
import io.orderflow.events.stock.StockRequest;

/**
 * What the order processor emits, each to its own topic under its own key: an event ({@code orders}, by order
 * id), a command answer (by command id), a stock request (by product id) or a payment request (by customer id);
 * and what the key check emits: a keyed command passed on to its order ({@code order-commands}, by order id).
 */
sealed interface OrderOutput {

    record Command(OrderCommand command) implements OrderOutput {
    }

    record Event(OrderStateChanged event) implements OrderOutput {
    }

    record Reply(CommandResult result) implements OrderOutput {
    }

    record Stock(StockRequest request) implements OrderOutput {
    }

    record Payment(PaymentRequest request) implements OrderOutput {
    }
}
