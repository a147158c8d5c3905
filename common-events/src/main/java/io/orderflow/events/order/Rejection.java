package io.orderflow.events.order;

import java.util.Objects;

/** Why an order was rejected. {@code service} is who said no: a check, or orders-service when it timed out. */
public record Rejection(CheckType service, RejectionReason reason, String detail) {

    public Rejection {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }
}
