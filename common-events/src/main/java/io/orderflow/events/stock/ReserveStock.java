package io.orderflow.events.stock;

import io.orderflow.events.EventType;
import io.orderflow.events.Ids;

/** Reserves the units of one product an order asks for; answered on {@code order-validations} with a stock verdict for that product. */
@EventType("ReserveStock")
public record ReserveStock(String orderId, String productId, int quantity) implements StockRequest {

    public ReserveStock {
        Ids.require(orderId, "orderId");
        Ids.require(productId, "productId");
        StockRequests.requireQuantity(quantity);
    }

    @Override
    public Kind kind() {
        return Kind.RESERVE;
    }
}
