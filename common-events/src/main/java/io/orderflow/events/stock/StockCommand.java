package io.orderflow.events.stock;

/** Commands to stock-service; topic {@code stock-commands}, keyed by product id. */
public sealed interface StockCommand permits SetStock {

    String commandId();

    String productId();

    /**
     * What kind of stock command this is: each type answers its own constant, so a new type needs a constant here,
     * and every switch expression over the kinds stops compiling until it handles it (Java 17's exhaustive
     * dispatch, without type patterns in switch).
     */
    Kind kind();

    enum Kind {
        SET_STOCK
    }
}
