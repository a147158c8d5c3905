package io.orderflow.events.basket;

/** Commands to basket-service; topic {@code basket-commands}, keyed by customer id. */
public sealed interface BasketCommand permits AddBasketItem, RemoveBasketItem, CheckoutBasket {

    String commandId();

    String customerId();
}
