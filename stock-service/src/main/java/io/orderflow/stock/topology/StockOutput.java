package io.orderflow.stock.topology;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.order.OrderCheckCompleted;

/** What the stock processor emits: a reservation's verdict (keyed by order id) or a command's answer (keyed by command id). */
sealed interface StockOutput {

    record Verdict(OrderCheckCompleted verdict) implements StockOutput {
    }

    record Reply(CommandResult result) implements StockOutput {
    }
}
