package io.orderflow.events.stock;

import io.orderflow.events.EventType;
import io.orderflow.events.Ids;
import java.util.Objects;

/** Sets the units on hand of a product. Refused (CONFLICT) when below the units already reserved. */
@EventType("SetStock")
public record SetStock(String commandId, String productId, long quantity) implements StockCommand {

    public SetStock {
        Objects.requireNonNull(commandId, "commandId");
        Ids.require(productId, "productId");
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must not be negative");
        }
    }

    @Override
    public Kind kind() {
        return Kind.SET_STOCK;
    }
}
