package io.orderflow.payment.domain;

import io.orderflow.events.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Objects;

/**
 * A customer's fraud window as a running sum: the orders created in {@code (end - 1h, end]} total
 * {@code total}, where {@code end} is the newest creation time seen for the customer. Kept in the customer's
 * account so the fraud check costs the same whatever the customer's number of orders in the hour; each order
 * counted also has one entry in the recent-orders store, so it can be taken out again when it leaves.
 *
 * <p>Creation times count to the millisecond, as the entries' keys hold them (orders-service creates orders
 * at millisecond precision anyway).
 *
 * @param end   the newest creation time seen; null before the customer's first order
 * @param total what the orders created in the window add up to
 */
public record FraudWindow(Instant end, BigDecimal total) {

    public static final FraudWindow EMPTY = new FraudWindow(null, Money.ZERO);

    public FraudWindow {
        end = end == null ? null : millis(end);
        total = Money.of(Objects.requireNonNull(total, "total"));
    }

    /** One entry of the recent-orders store: an order counted in the window, by its creation time. */
    public record Entry(Instant createdAt, BigDecimal amount) {

        public Entry {
            createdAt = millis(Objects.requireNonNull(createdAt, "createdAt"));
            amount = Money.of(Objects.requireNonNull(amount, "amount"));
        }
    }

    /**
     * The window of a customer whose account has none yet (written before the window was kept in the account,
     * or a customer never seen): computed once from all the customer's entries, ending at the newest one. The
     * entries it does not {@link #contains contain} must be deleted, so that every entry left is in the total.
     */
    public static FraudWindow of(Collection<Entry> entries) {
        Instant end = entries.stream().map(Entry::createdAt).max(Instant::compareTo).orElse(null);
        if (end == null) {
            return EMPTY;
        }
        Instant start = startOf(end);
        BigDecimal total = entries.stream().filter(e -> e.createdAt().isAfter(start)).map(Entry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new FraudWindow(end, total);
    }

    /** The start of the window ending at {@code end}, exclusive: an order created an hour before is out. */
    public static Instant startOf(Instant end) {
        return millis(end).minus(FraudPolicy.WINDOW);
    }

    public static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Exclusive; null before the first order. */
    public Instant start() {
        return end == null ? null : startOf(end);
    }

    /** Whether an order created then is newer than every order seen, so the window moves on to end there. */
    public boolean movesTo(Instant createdAt) {
        return end == null || millis(createdAt).isAfter(end);
    }

    /**
     * The window moved on to end at {@code createdAt}, after the entries created in
     * {@code (start(), startOf(createdAt)]} left it; {@code left} is what they add up to.
     */
    public FraudWindow movedTo(Instant createdAt, BigDecimal left) {
        if (!movesTo(createdAt)) {
            throw new IllegalArgumentException("the window ends at " + end + ", after " + createdAt);
        }
        Instant newStart = startOf(createdAt);
        // Nothing seen is newer than the new start: the window is empty, whatever the entries said.
        BigDecimal remaining = end == null || !newStart.isBefore(end) ? Money.ZERO : total.subtract(left);
        return new FraudWindow(createdAt, remaining);
    }

    /** Whether an order created then is inside the window, that is after its start. */
    public boolean contains(Instant createdAt) {
        return end == null || millis(createdAt).isAfter(start());
    }

    FraudWindow plus(BigDecimal amount) {
        return new FraudWindow(end, total.add(amount));
    }
}
