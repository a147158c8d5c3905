package io.orderflow.events.payment;

import io.orderflow.events.EventType;
import io.orderflow.events.Ids;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A new order: check it for fraud and hold its total; answered on {@code order-validations} with the payment
 * verdict. Carries what the fraud checks need of the order, so payment never has to look the order up.
 *
 * @param createdAt when the order was created: the fraud window is measured in creation times
 * @param lines     the order's number of lines
 * @param units     the order's units over all lines
 */
@EventType("HoldPayment")
public record HoldPayment(String orderId, String customerId, BigDecimal amount, Instant createdAt, int lines,
        int units) implements PaymentRequest {

    public HoldPayment {
        Ids.require(orderId, "orderId");
        Ids.require(customerId, "customerId");
        amount = PaymentRequests.requireAmount(amount);
        Objects.requireNonNull(createdAt, "createdAt");
        if (lines < 1 || units < lines) {
            throw new IllegalArgumentException("an order has at least one line of at least one unit");
        }
    }

    @Override
    public Kind kind() {
        return Kind.HOLD;
    }
}
