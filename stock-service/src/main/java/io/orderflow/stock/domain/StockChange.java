package io.orderflow.stock.domain;

import io.orderflow.events.command.CommandResult;

/**
 * The outcome of applying one input to one product: the level to store (null: leave it as it is), the
 * answer to a reservation (null: the input was not one) and the answer to a command (null: not a command).
 */
public record StockChange(StockLevel next, LineResult line, CommandResult reply) {

    static StockChange nothing() {
        return new StockChange(null, null, null);
    }
}
