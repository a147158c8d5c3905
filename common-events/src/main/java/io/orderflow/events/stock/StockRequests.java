package io.orderflow.events.stock;

import io.orderflow.events.order.OrderLine;

/** Checks shared by the stock requests. */
final class StockRequests {

    /** An order has at most 100 lines of at most {@link OrderLine#MAX_QUANTITY} units each. */
    static final int MAX_QUANTITY = 100 * OrderLine.MAX_QUANTITY;

    private StockRequests() {
    }

    static void requireQuantity(int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be 1.." + MAX_QUANTITY + " but was " + quantity);
        }
    }
}
