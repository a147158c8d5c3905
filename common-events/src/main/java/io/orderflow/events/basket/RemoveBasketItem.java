package io.orderflow.events.basket;

import io.orderflow.events.EventType;
import io.orderflow.events.Ids;
import java.util.Objects;

@EventType("RemoveBasketItem")
public record RemoveBasketItem(String commandId, String customerId, String productId) implements BasketCommand {

    public RemoveBasketItem {
        Objects.requireNonNull(commandId, "commandId");
        Ids.require(customerId, "customerId");
        Ids.require(productId, "productId");
    }

    @Override
    public Kind kind() {
        return Kind.REMOVE_ITEM;
    }
}
