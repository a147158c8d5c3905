package io.orderflow.orders.domain;

import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.Order;
import java.util.EnumSet;
import java.util.Set;

/**
 * What orders-service stores per order: the order, the command that created it (so a repeated request
 * can be told from the original), and the checks passed so far (a set, so a redelivered verdict counts once).
 */
public record OrderRecord(Order order, String placedBy, Set<CheckType> passedChecks) {

    public OrderRecord {
        passedChecks = passedChecks == null || passedChecks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(passedChecks));
    }

    OrderRecord with(Order next) {
        return new OrderRecord(next, placedBy, passedChecks);
    }

    OrderRecord withPassed(CheckType check) {
        EnumSet<CheckType> passed = passedChecks.isEmpty() ? EnumSet.noneOf(CheckType.class) : EnumSet.copyOf(passedChecks);
        passed.add(check);
        return new OrderRecord(order, placedBy, passed);
    }

    boolean allChecksPassed() {
        return passedChecks.containsAll(EnumSet.allOf(CheckType.class));
    }
}
