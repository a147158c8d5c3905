package io.orderflow.basket.api;

/** The body of a {@code 202} checkout: the id of the order the basket is becoming. */
record CheckoutView(String orderId) {
}
