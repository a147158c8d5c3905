package io.orderflow.payment.domain;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.order.OrderCheckCompleted;

/**
 * The outcome of a hold or a balance command for one customer: the account to store (null: leave it), whether
 * the order held gets its entry in the recent-orders store (it is counted in the window), the verdict to publish
 * (null: none) and the command's answer (null: not a command).
 */
public record PaymentStep(Account account, boolean recordOrder, OrderCheckCompleted verdict, CommandResult reply) {
}
