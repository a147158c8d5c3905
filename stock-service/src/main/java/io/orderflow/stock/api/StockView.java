package io.orderflow.stock.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.orderflow.service.web.ApiException;
import io.orderflow.stock.domain.StockLevel;
import org.springframework.http.ResponseEntity;

/** The body of {@code GET /stock/{productId}} and of a successful {@code PUT}. */
@JsonPropertyOrder({"productId", "onHand", "reserved", "available"})
record StockView(String productId, long onHand, long reserved, long available) {

    static StockView of(StockLevel level) {
        return new StockView(level.productId(), level.onHand(), level.reserved(), level.available());
    }

    /** {@code GET /stock/{productId}} read here; 404 problem for a product never stocked. */
    static ResponseEntity<?> answer(String productId, StockLevel level) {
        if (level == null) {
            throw ApiException.notFound("Product", productId);
        }
        return ResponseEntity.ok(of(level));
    }
}
