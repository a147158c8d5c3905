package io.orderflow.payment.domain;

import io.orderflow.events.Money;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The fraud rule: a customer may create orders worth at most {@code hourlyLimit} within an hour, measured by
 * the orders' creation times (not by when payment sees them, so a backlog cannot trip or hide it).
 */
public record FraudPolicy(BigDecimal hourlyLimit) {

    public static final Duration WINDOW = Duration.ofHours(1);

    public FraudPolicy {
        hourlyLimit = Money.of(Objects.requireNonNull(hourlyLimit, "hourlyLimit"));
        if (hourlyLimit.signum() < 0) {
            throw new IllegalArgumentException("the hourly fraud limit must not be negative");
        }
    }

    /**
     * The rejection when the orders created in the hour up to {@code end}, the order checked included, total
     * strictly more than the limit; empty when they do not (exactly the limit passes).
     */
    public Optional<Rejection> check(BigDecimal total, Instant end) {
        if (total.compareTo(hourlyLimit) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Rejection(CheckType.PAYMENT, RejectionReason.FRAUD_SUSPECTED,
                "orders of " + total.toPlainString() + " created in the hour up to " + end
                        + " exceed the hourly limit of " + hourlyLimit.toPlainString()));
    }
}
