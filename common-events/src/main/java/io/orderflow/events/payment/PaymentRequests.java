package io.orderflow.events.payment;

import io.orderflow.events.Money;
import java.math.BigDecimal;

/** Checks shared by the payment requests. */
final class PaymentRequests {

    private PaymentRequests() {
    }

    static BigDecimal requireAmount(BigDecimal amount) {
        BigDecimal exact = Money.of(amount);
        if (exact.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        return exact;
    }
}
