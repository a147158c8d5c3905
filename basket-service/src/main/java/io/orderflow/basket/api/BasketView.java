package io.orderflow.basket.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.orderflow.basket.domain.Basket;
import io.orderflow.events.order.OrderLine;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.ResponseEntity;

/** The basket body of every basket answer; a basket never used or emptied has no items and total 0. */
@JsonPropertyOrder({"customerId", "items", "total"})
record BasketView(String customerId, List<OrderLine> items, BigDecimal total) {

    static BasketView of(Basket basket) {
        return new BasketView(basket.customerId(), basket.lines(), basket.total());
    }

    static BasketView empty(String customerId) {
        return of(Basket.empty(customerId));
    }

    /** {@code GET /baskets/{customerId}} read here: a customer without a basket has an empty one. */
    static ResponseEntity<?> answer(String customerId, Basket basket) {
        return ResponseEntity.ok(basket == null ? empty(customerId) : of(basket));
    }
}
