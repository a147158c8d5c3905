package io.orderflow.payment.domain;

import io.orderflow.events.Ids;
import io.orderflow.events.Money;
import io.orderflow.events.order.Rejection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One order a customer created recently, as the fraud check counts it, with the verdict payment gave it
 * ({@code rejection} null: it passed), so a redelivered creation is answered the same way and changes nothing.
 */
public record RecentOrder(String orderId, Instant createdAt, BigDecimal total, Rejection rejection) {

    public RecentOrder {
        Ids.require(orderId, "orderId");
        Objects.requireNonNull(createdAt, "createdAt");
        total = Money.of(Objects.requireNonNull(total, "total"));
    }

    public boolean passed() {
        return rejection == null;
    }

    RecentOrder withVerdict(Rejection verdict) {
        return new RecentOrder(orderId, createdAt, total, verdict);
    }
}
