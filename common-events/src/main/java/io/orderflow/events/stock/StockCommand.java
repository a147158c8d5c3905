package io.orderflow.events.stock;

/** Commands to stock-service; topic {@code stock-commands}, keyed by product id. */
public sealed interface StockCommand permits SetStock {

    String commandId();

    String productId();
}
