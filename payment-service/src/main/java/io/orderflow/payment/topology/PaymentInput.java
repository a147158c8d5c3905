package io.orderflow.payment.topology;

import io.orderflow.events.payment.AccountCommand;
import io.orderflow.payment.domain.PaymentAction;

/**
 * Everything that can happen to a customer's money, from two topics, merged into one stream keyed by
 * customer id so one processor applies them in partition order. Never serialised.
 */
sealed interface PaymentInput {

    record Order(PaymentAction action) implements PaymentInput {
    }

    record Command(AccountCommand command) implements PaymentInput {
    }
}
