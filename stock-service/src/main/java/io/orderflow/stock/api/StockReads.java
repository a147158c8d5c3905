package io.orderflow.stock.api;

import io.orderflow.service.query.InstanceForwarder;
import io.orderflow.service.web.ApiException;
import io.orderflow.stock.domain.StockLevel;
import io.orderflow.stock.query.StockQueries;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;

/** Answers reads of stock levels: from this instance's store, or by asking the instance that holds the product. */
final class StockReads {

    private final StockQueries queries;
    private final InstanceForwarder forwarder;

    StockReads(StockQueries queries, InstanceForwarder forwarder) {
        this.queries = queries;
        this.forwarder = forwarder;
    }

    /** {@code GET /stock/{productId}}: answered here, or the same request passed to the instance holding the product. */
    ResponseEntity<?> get(String productId, HttpServletRequest request) {
        return forwarder.answer(queries.level(productId), request, level -> local(productId, level));
    }

    /** The product's level now, wherever it is held; 404 problem for a product never stocked. */
    ResponseEntity<?> current(String productId) {
        return forwarder.answerAt(queries.level(productId), "/stock/" + productId, level -> local(productId, level));
    }

    private static ResponseEntity<?> local(String productId, StockLevel level) {
        if (level == null) {
            throw ApiException.notFound("Product", productId);
        }
        return ResponseEntity.ok(StockView.of(level));
    }
}
