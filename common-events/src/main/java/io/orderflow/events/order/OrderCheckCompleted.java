package io.orderflow.events.order;

import io.orderflow.events.EventType;
import io.orderflow.events.Ids;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One check's verdict on one order; topic {@code order-validations}, keyed by order id. */
@EventType("OrderCheckCompleted")
public record OrderCheckCompleted(String orderId, CheckType check, boolean passed, List<Rejection> rejections,
        Instant checkedAt) {

    public OrderCheckCompleted {
        Ids.require(orderId, "orderId");
        Objects.requireNonNull(check, "check");
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
        Objects.requireNonNull(checkedAt, "checkedAt");
        if (passed != rejections.isEmpty()) {
            throw new IllegalArgumentException("a passed check has no rejections; a failed one has at least one");
        }
    }

    public static OrderCheckCompleted passed(String orderId, CheckType check, Instant at) {
        return new OrderCheckCompleted(orderId, check, true, List.of(), at);
    }

    public static OrderCheckCompleted failed(String orderId, CheckType check, List<Rejection> rejections, Instant at) {
        return new OrderCheckCompleted(orderId, check, false, rejections, at);
    }
}
