package io.orderflow.events.stock;

/**
 * What orders-service asks of stock-service for one product of one order; topic {@code stock-requests},
 * keyed by product id, so every request for a product is applied by the one task that owns it, in order.
 *
 * <p>Orders-service is the saga's coordinator: it asks for a reservation when an order is created, and
 * releases or deducts only what stock said it reserved, each request exactly once (it decides inside its
 * exactly-once transaction). So every request carries its quantity and stock keeps one running total per
 * product, whatever the number of open orders.
 */
public sealed interface StockRequest permits ReserveStock, ReleaseStock, DeductStock {

    String orderId();

    String productId();

    /** Units of the product in the order (the order's lines of one product, added up). */
    int quantity();

    /**
     * What kind of stock request this is: each type answers its own constant, so a new type needs a constant here,
     * and every switch expression over the kinds stops compiling until it handles it (Java 17's exhaustive
     * dispatch, without type patterns in switch).
     */
    Kind kind();

    enum Kind {
        RESERVE, RELEASE, DEDUCT
    }
}
