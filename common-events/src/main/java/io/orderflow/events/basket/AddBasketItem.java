package io.orderflow.events.basket;

import io.orderflow.events.EventType;
import io.orderflow.events.Ids;
import io.orderflow.events.Money;
import java.math.BigDecimal;
import java.util.Objects;

@EventType("AddBasketItem")
public record AddBasketItem(String commandId, String customerId, String productId, int quantity, BigDecimal unitPrice)
        implements BasketCommand {

    public AddBasketItem {
        Objects.requireNonNull(commandId, "commandId");
        Ids.require(customerId, "customerId");
        Ids.require(productId, "productId");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
        unitPrice = Money.of(Objects.requireNonNull(unitPrice, "unitPrice"));
    }
}
