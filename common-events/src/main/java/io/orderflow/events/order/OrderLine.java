package io.orderflow.events.order;

import io.orderflow.events.Ids;
import io.orderflow.events.Money;
import java.math.BigDecimal;
import java.util.Objects;

/** One product line of an order or a basket. */
public record OrderLine(String productId, int quantity, BigDecimal unitPrice) {

    public static final int MAX_QUANTITY = 10_000;

    public OrderLine {
        Ids.require(productId, "productId");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be 1.." + MAX_QUANTITY + " but was " + quantity);
        }
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (unitPrice.signum() < 0) {
            throw new IllegalArgumentException("unitPrice must not be negative");
        }
        unitPrice = Money.of(unitPrice);
    }

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
