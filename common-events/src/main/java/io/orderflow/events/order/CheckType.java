package io.orderflow.events.order;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The checks an order must pass before it is VALIDATED, one per validating service.
 * Orders-service collects the set of passed checks (never a count) so a redelivered result cannot
 * pass an order twice.
 */
public enum CheckType {
    @JsonProperty("stock") STOCK,
    @JsonProperty("payment") PAYMENT
}
