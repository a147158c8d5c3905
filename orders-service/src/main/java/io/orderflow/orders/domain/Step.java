package io.orderflow.orders.domain;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.payment.PaymentRequest;
import io.orderflow.events.stock.StockRequest;
import java.util.List;

/**
 * The outcome of applying one input to one order: the record to store (null: leave it as it is), the event to
 * publish (null: none), the answer to the command (null: the input was not a command), and what to ask of
 * stock (one request per product) and of payment (null: nothing).
 */
public record Step(OrderRecord next, OrderStateChanged event, CommandResult reply, List<StockRequest> stock,
        PaymentRequest payment) {

    public Step {
        stock = stock == null ? List.of() : List.copyOf(stock);
    }

    static Step nothing() {
        return new Step(null, null, null, List.of(), null);
    }

    static Step reply(CommandResult reply) {
        return new Step(null, null, reply, List.of(), null);
    }

    static Step store(OrderRecord next) {
        return new Step(next, null, null, List.of(), null);
    }
}
