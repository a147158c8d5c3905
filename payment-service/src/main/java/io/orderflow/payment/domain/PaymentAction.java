package io.orderflow.payment.domain;

import io.orderflow.events.Ids;
import io.orderflow.events.Money;
import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an order's state change asks of payment: only the fields payment needs, so this is also the record
 * carried on the re-keyed (by customer) repartition topic.
 */
public record PaymentAction(Kind kind, String orderId, String customerId, BigDecimal total, Instant createdAt) {

    public enum Kind {
        /** A new order: run the fraud check and hold its total. */
        CHECK,
        /** The order was rejected or cancelled: give back its hold. */
        RELEASE,
        /** The order shipped: take its hold from the balance. */
        CAPTURE
    }

    public PaymentAction {
        Objects.requireNonNull(kind, "kind");
        Ids.require(orderId, "orderId");
        Ids.require(customerId, "customerId");
        total = Money.of(Objects.requireNonNull(total, "total"));
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The action a state change calls for; empty for states that do not concern payment (VALIDATED). */
    public static Optional<PaymentAction> of(OrderStateChanged change) {
        Order order = change.order();
        Kind kind = kindOf(change.previousState(), order.state());
        if (kind == null) {
            return Optional.empty();
        }
        return Optional.of(new PaymentAction(kind, order.id(), order.customerId(), order.total(), order.createdAt()));
    }

    private static Kind kindOf(OrderState previous, OrderState state) {
        if (previous == null) {
            return state == OrderState.CREATED ? Kind.CHECK : null;
        }
        return switch (state) {
            case REJECTED, CANCELLED -> Kind.RELEASE;
            case SHIPPED -> Kind.CAPTURE;
            default -> null;
        };
    }
}
