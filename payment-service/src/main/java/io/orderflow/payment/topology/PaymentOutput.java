package io.orderflow.payment.topology;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.order.OrderCheckCompleted;

/** What the payment processor emits: a verdict on an order, or an answer to an account command. */
sealed interface PaymentOutput {

    record Verdict(OrderCheckCompleted verdict) implements PaymentOutput {
    }

    record Reply(CommandResult result) implements PaymentOutput {
    }
}
