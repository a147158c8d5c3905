package io.orderflow.events.order;

import java.util.Objects;

/** Why one check failed an order. {@code service} is the check that said no. */
public record Rejection(CheckType service, RejectionReason reason, String detail) {

    public Rejection {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }
}
