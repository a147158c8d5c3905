package io.orderflow.payment.domain;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.order.OrderCheckCompleted;

/**
 * The outcome of one input for one customer: the account to store and the activity with the checked order
 * recorded, whose entry for that order is stored (null: leave as they are),
 * the verdict to publish on an order (null: none) and the answer to a command (null: not a command).
 */
public record PaymentStep(Account account, CustomerActivity activity, OrderCheckCompleted verdict,
        CommandResult reply) {

    static PaymentStep nothing() {
        return new PaymentStep(null, null, null, null);
    }
}
