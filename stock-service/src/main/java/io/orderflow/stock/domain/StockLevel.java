package io.orderflow.stock.domain;

import io.orderflow.events.Ids;
import java.util.HashMap;
import java.util.Map;

/**
 * One product's stock, the value of {@code stock-store}: the units on hand and the units each open order
 * holds. Reserved units are still on hand until the order ships; {@link #available()} is what new orders can take.
 *
 * @param reservations order id -> units that order holds of this product
 */
public record StockLevel(String productId, long onHand, Map<String, Long> reservations) {

    public StockLevel {
        Ids.require(productId, "productId");
        if (onHand < 0) {
            throw new IllegalArgumentException("onHand must not be negative");
        }
        reservations = reservations == null ? Map.of() : Map.copyOf(reservations);
    }

    public static StockLevel of(String productId, long onHand) {
        return new StockLevel(productId, onHand, Map.of());
    }

    public long reserved() {
        return reservations.values().stream().mapToLong(Long::longValue).sum();
    }

    public long available() {
        return onHand - reserved();
    }

    public boolean holds(String orderId) {
        return reservations.containsKey(orderId);
    }

    public long heldBy(String orderId) {
        return reservations.getOrDefault(orderId, 0L);
    }

    StockLevel withOnHand(long units) {
        return new StockLevel(productId, units, reservations);
    }

    StockLevel withReservation(String orderId, long units) {
        Map<String, Long> next = new HashMap<>(reservations);
        next.put(orderId, units);
        return new StockLevel(productId, onHand, next);
    }

    StockLevel withoutReservation(String orderId) {
        Map<String, Long> next = new HashMap<>(reservations);
        next.remove(orderId);
        return new StockLevel(productId, onHand, next);
    }
}
