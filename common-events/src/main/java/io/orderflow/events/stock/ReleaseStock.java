package io.orderflow.events.stock;

import io.orderflow.events.EventType;
import io.orderflow.events.Ids;

/** Gives back a reservation of a rejected or cancelled order. Sent only for a reservation stock confirmed. */
@EventType("ReleaseStock")
public record ReleaseStock(String orderId, String productId, int quantity) implements StockRequest {

    public ReleaseStock {
        Ids.require(orderId, "orderId");
        Ids.require(productId, "productId");
        StockRequests.requireQuantity(quantity);
    }

    @Override
    public Kind kind() {
        return Kind.RELEASE;
    }
}
