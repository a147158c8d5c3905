package io.orderflow.stock.domain;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.order.OrderCheckCompleted;

/**
 * The outcome of applying one input to one product: the level to store (null: leave it as it is), the
 * stock verdict on a reservation (null: the input was not one) and the answer to a command (null: not a command).
 */
public record StockChange(StockLevel next, OrderCheckCompleted verdict, CommandResult reply) {

    static StockChange stored(StockLevel next) {
        return new StockChange(next, null, null);
    }
}
