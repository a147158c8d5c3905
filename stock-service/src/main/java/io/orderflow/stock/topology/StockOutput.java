package io.orderflow.stock.topology;

import io.orderflow.events.command.CommandResult;
import io.orderflow.stock.domain.LineResult;

/** What the stock processor emits: a reservation's answer (keyed by order id) or a command's answer (keyed by command id). */
sealed interface StockOutput {

    record Line(LineResult result) implements StockOutput {
    }

    record Reply(CommandResult result) implements StockOutput {
    }
}
