package io.orderflow.orders.domain;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.order.OrderStateChanged;

/**
 * The outcome of applying one input to one order: the record to store (null: leave it as it is), the
 * event to publish (null: none) and the answer to the command (null: the input was not a command).
 */
public record Step(OrderRecord next, OrderStateChanged event, CommandResult reply) {

    static Step nothing() {
        return new Step(null, null, null);
    }

    static Step reply(CommandResult reply) {
        return new Step(null, null, reply);
    }
}
