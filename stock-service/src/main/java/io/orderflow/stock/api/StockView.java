package io.orderflow.stock.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.orderflow.stock.domain.StockLevel;

/** The body of {@code GET /stock/{productId}} and of a successful {@code PUT}. */
@JsonPropertyOrder({"productId", "onHand", "reserved", "available"})
record StockView(String productId, long onHand, long reserved, long available) {

    static StockView of(StockLevel level) {
        return new StockView(level.productId(), level.onHand(), level.reserved(), level.available());
    }
}
