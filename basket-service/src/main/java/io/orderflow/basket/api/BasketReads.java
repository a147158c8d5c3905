package io.orderflow.basket.api;

import io.orderflow.basket.domain.Basket;
import io.orderflow.basket.query.BasketQueries;
import io.orderflow.service.query.InstanceForwarder;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;

/** Answers reads of baskets: from this instance's store, or by asking the instance that holds the customer. */
final class BasketReads {

    private final BasketQueries queries;
    private final InstanceForwarder forwarder;

    BasketReads(BasketQueries queries, InstanceForwarder forwarder) {
        this.queries = queries;
        this.forwarder = forwarder;
    }

    /** {@code GET /baskets/{customerId}}. */
    ResponseEntity<?> get(String customerId, HttpServletRequest request) {
        return forwarder.answer(queries.basket(customerId), request, basket -> local(customerId, basket));
    }

    /** The basket now, wherever it is held: the body of an answer to a change. */
    ResponseEntity<?> current(String customerId) {
        return forwarder.answerAt(queries.basket(customerId), "/baskets/" + customerId,
                basket -> local(customerId, basket));
    }

    private static ResponseEntity<?> local(String customerId, Basket basket) {
        return ResponseEntity.ok(basket == null ? BasketView.empty(customerId) : BasketView.of(basket));
    }
}
