package io.orderflow.basket.domain;

import java.util.Objects;

/** The checkout that last emptied a basket, so the same checkout command delivered again is recognised. */
public record LastCheckout(String commandId, String orderId) {

    public LastCheckout {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(orderId, "orderId");
    }
}
