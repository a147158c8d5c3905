package io.orderflow.stock.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderflow.events.Ids;
import java.util.Map;

/**
 * One product's stock, the value of {@code stock-store}: the units on hand and the units reserved by open
 * orders, as two running totals. Orders-service remembers which order holds what, so this value stays the
 * same size however many orders are open. Reserved units are still on hand until the order ships;
 * {@link #available()} is what new orders can take.
 */
public record StockLevel(String productId, long onHand, long reserved) {

    public StockLevel {
        Ids.require(productId, "productId");
        if (onHand < 0) {
            throw new IllegalArgumentException(productId + ": onHand must not be negative but was " + onHand);
        }
        if (reserved < 0 || reserved > onHand) {
            throw new IllegalArgumentException(productId + ": reserved must be 0.." + onHand + " but was " + reserved);
        }
    }

    public static StockLevel of(String productId, long onHand) {
        return new StockLevel(productId, onHand, 0);
    }

    /**
     * Reads a stored value in either layout. Values written before the reservations became a total hold every
     * open order's units instead ({@code "reservations": {"o-1": 2, "o-2": 3}}); their sum is the reserved total,
     * so an upgraded instance keeps every open reservation without a migration step. The next change of the
     * product writes it in the new layout.
     */
    @JsonCreator
    static StockLevel fromStored(@JsonProperty("productId") String productId, @JsonProperty("onHand") long onHand,
            @JsonProperty("reserved") Long reserved, @JsonProperty("reservations") Map<String, Long> reservations) {
        if (reserved != null) {
            return new StockLevel(productId, onHand, reserved);
        }
        long held = reservations == null ? 0 : reservations.values().stream().mapToLong(Long::longValue).sum();
        return new StockLevel(productId, onHand, held);
    }

    public long available() {
        return onHand - reserved;
    }

    StockLevel withOnHand(long units) {
        return new StockLevel(productId, units, reserved);
    }

    StockLevel withReserved(long units) {
        return new StockLevel(productId, onHand, units);
    }
}
