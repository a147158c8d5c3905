package io.orderflow.events.basket;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.orderflow.events.EventType;
import io.orderflow.events.Ids;
import io.orderflow.events.Money;
import io.orderflow.events.command.Idempotency;
import java.math.BigDecimal;
import java.util.Objects;

/** @param idempotency the request's {@code Idempotency-Key}, or null (then not written) when it had none */
@EventType("AddBasketItem")
public record AddBasketItem(String commandId, String customerId, String productId, int quantity, BigDecimal unitPrice,
        @JsonInclude(JsonInclude.Include.NON_NULL) Idempotency idempotency)
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

    /** A command without an {@code Idempotency-Key}. */
    public AddBasketItem(String commandId, String customerId, String productId, int quantity, BigDecimal unitPrice) {
        this(commandId, customerId, productId, quantity, unitPrice, null);
    }

    @Override
    public Kind kind() {
        return Kind.ADD_ITEM;
    }
}
