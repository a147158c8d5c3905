package io.orderflow.events.payment;

import io.orderflow.events.EventType;
import io.orderflow.events.Ids;
import java.math.BigDecimal;

/** Gives back the hold of a rejected or cancelled order. Sent only for a hold payment confirmed. */
@EventType("ReleasePayment")
public record ReleasePayment(String orderId, String customerId, BigDecimal amount) implements PaymentRequest {

    public ReleasePayment {
        Ids.require(orderId, "orderId");
        Ids.require(customerId, "customerId");
        amount = PaymentRequests.requireAmount(amount);
    }

    @Override
    public Kind kind() {
        return Kind.RELEASE;
    }
}
