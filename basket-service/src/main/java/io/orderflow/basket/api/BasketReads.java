package io.orderflow.basket.api;

import io.orderflow.basket.domain.Basket;
import io.orderflow.basket.query.BasketQueries;
import io.orderflow.service.query.InstanceForwarder;
import io.orderflow.service.query.KeyLookup;
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
        KeyLookup<Basket> lookup = queries.basket(customerId);
        if (lookup instanceof KeyLookup.Remote<Basket> remote) {
            return forwarder.forward(remote.host(), request);
        }
        return local(customerId, (KeyLookup.Local<Basket>) lookup);
    }

    /** The basket now, wherever it is held: the body of an answer to a change. */
    ResponseEntity<?> current(String customerId) {
        KeyLookup<Basket> lookup = queries.basket(customerId);
        if (lookup instanceof KeyLookup.Remote<Basket> remote) {
            return forwarder.fetch(remote.host(), "/baskets/" + customerId);
        }
        return local(customerId, (KeyLookup.Local<Basket>) lookup);
    }

    private static ResponseEntity<?> local(String customerId, KeyLookup.Local<Basket> lookup) {
        Basket basket = lookup.value();
        return ResponseEntity.ok(basket == null ? BasketView.empty(customerId) : BasketView.of(basket));
    }
}
