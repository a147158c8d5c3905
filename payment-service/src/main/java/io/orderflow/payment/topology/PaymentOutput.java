package io.orderflow.payment.topology;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.order.OrderCheckCompleted;

/** What the payment processor emits: a verdict on an order, or an answer to an account command. */
sealed interface PaymentOutput {

    /** The key of the topic it goes to. */
    String key();

    record Verdict(OrderCheckCompleted verdict) implements PaymentOutput {

        @Override
        public String key() {
            return verdict.orderId();
        }
    }

    record Reply(CommandResult result) implements PaymentOutput {

        @Override
        public String key() {
            return result.commandId();
        }
    }
}
