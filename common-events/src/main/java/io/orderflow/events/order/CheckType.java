package io.orderflow.events.order;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who decides about an order: the checks an order must pass before it is VALIDATED, one per validating
 * service, and orders-service's own deadline. It is the {@code check} of a verdict and the {@code service}
 * of a {@link Rejection}. Orders-service collects the set of passed checks (never a count) so a redelivered
 * result cannot pass an order twice.
 */
public enum CheckType {
    @JsonProperty("stock") STOCK,
    @JsonProperty("payment") PAYMENT,
    /**
     * Orders-service's deadline: the order was not decided within the order timeout. Never asked of another
     * service, so it appears only as a rejection's {@code service}, never as a verdict's {@code check}.
     */
    @JsonProperty("orders") ORDERS
}
