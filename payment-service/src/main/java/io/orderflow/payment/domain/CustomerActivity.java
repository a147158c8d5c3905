package io.orderflow.payment.domain;

import io.orderflow.events.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The orders a customer created in the last hour of creation times, oldest first: the fraud check's history.
 * Keyed by order id, so an order recorded twice counts once. Read from the recent-orders store (one entry per
 * order) for the window of the order being checked.
 */
public record CustomerActivity(List<RecentOrder> orders) {

    private static final Comparator<RecentOrder> OLDEST_FIRST =
            Comparator.comparing(RecentOrder::createdAt).thenComparing(RecentOrder::orderId);

    public CustomerActivity {
        orders = orders == null ? List.of() : orders.stream().sorted(OLDEST_FIRST).toList();
    }

    public static CustomerActivity empty() {
        return new CustomerActivity(List.of());
    }

    public Optional<RecentOrder> find(String orderId) {
        return orders.stream().filter(o -> o.orderId().equals(orderId)).findFirst();
    }

    /** Adds the order, or replaces the one recorded under its id. */
    CustomerActivity with(RecentOrder order) {
        List<RecentOrder> next = new ArrayList<>(orders.size() + 1);
        orders.stream().filter(o -> !o.orderId().equals(order.orderId())).forEach(next::add);
        next.add(order);
        return new CustomerActivity(next);
    }

    /** The sum of the totals of the orders created in {@code (end - window, end]}. */
    public BigDecimal totalCreatedIn(Instant end, Duration window) {
        Instant start = end.minus(window);
        return Money.of(orders.stream()
                .filter(o -> o.createdAt().isAfter(start) && !o.createdAt().isAfter(end))
                .map(RecentOrder::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /**
     * Drops the orders that no window ending at or after the newest creation time can contain any more,
     * so the history of a busy customer stays one hour long.
     */
    CustomerActivity prunedTo(Duration window) {
        if (orders.isEmpty()) {
            return this;
        }
        Instant cutoff = orders.get(orders.size() - 1).createdAt().minus(window);
        return new CustomerActivity(orders.stream().filter(o -> o.createdAt().isAfter(cutoff)).toList());
    }
}
