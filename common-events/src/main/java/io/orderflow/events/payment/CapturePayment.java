package io.orderflow.events.payment;

import io.orderflow.events.EventType;
import io.orderflow.events.Ids;
import java.math.BigDecimal;

/** The order shipped: its hold is taken from the balance. Sent only for a hold payment confirmed. */
@EventType("CapturePayment")
public record CapturePayment(String orderId, String customerId, BigDecimal amount) implements PaymentRequest {

    public CapturePayment {
        Ids.require(orderId, "orderId");
        Ids.require(customerId, "customerId");
        amount = PaymentRequests.requireAmount(amount);
    }

    @Override
    public Kind kind() {
        return Kind.CAPTURE;
    }
}
