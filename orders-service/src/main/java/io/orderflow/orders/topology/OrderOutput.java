package io.orderflow.orders.topology;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.order.OrderStateChanged;

/** What the order processor emits: an event for the {@code orders} topic or an answer to a command. */
sealed interface OrderOutput {

    record Event(OrderStateChanged event) implements OrderOutput {
    }

    record Reply(CommandResult result) implements OrderOutput {
    }
}
