package io.orderflow.events.stock;

import io.orderflow.events.EventType;
import io.orderflow.events.Ids;

/** The order shipped */
@EventType("DeductStock")
public record DeductStock(String orderId, String productId, int quantity) implements StockRequest {

    public DeductStock {
        Ids.require(orderId, "orderId");
        Ids.require(productId, "productId");
        StockRequests.requireQuantity(quantity);
    }

    @Override
    public Kind kind() {
        return Kind.DEDUCT;
    }
}
