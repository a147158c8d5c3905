package io.orderflow.payment.domain;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.orderflow.events.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The value of one recent-orders-store entry: what an order counted in its customer's fraud window is worth.
 * The key says whose order, when it was created and which ({@code <customerId>/<createdAt ms>/<orderId>}).
 *
 * <p>Entries written before the window was a running sum hold {@code {orderId, createdAt, total, rejection}};
 * they are read as their {@code total}.
 */
public record RecentOrder(@JsonAlias("total") BigDecimal amount) {

    public RecentOrder {
        amount = Money.of(Objects.requireNonNull(amount, "amount"));
    }
}
