package io.orderflow.orders.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderLine;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What orders-service stores per order: the order, the command that created it (so a repeated request can be
 * told from the original), and what the other services hold for it right now: the products stock reserved
 * and whether payment holds the total. Those two are what a rejection, cancellation or shipment must give
 * back or take, so orders-service asks for exactly that and nothing it was never given.
 *
 * @param reserved products whose units stock reserved for this order and has not yet released or deducted
 * @param held     payment holds the order's total
 */
public record OrderRecord(Order order, String placedBy, Set<String> reserved, boolean held) {

    public OrderRecord {
        reserved = reserved == null || reserved.isEmpty() ? Set.of() : Set.copyOf(new TreeSet<>(reserved));
    }

    /**
     * Reads both layouts: this one, and the one before the lean order path ({@code passedChecks}: the checks
     * passed so far, each for the whole order), so an upgraded instance keeps its open orders.
     */
    @JsonCreator
    static OrderRecord read(@JsonProperty("order") Order order, @JsonProperty("placedBy") String placedBy,
            @JsonProperty("reserved") Set<String> reserved, @JsonProperty("held") Boolean held,
            @JsonProperty("passedChecks") Set<CheckType> passedChecks) {
        if (passedChecks != null && reserved == null && held == null) {
            Set<String> all = passedChecks.contains(CheckType.STOCK) ? unitsByProduct(order).keySet() : Set.of();
            return new OrderRecord(order, placedBy, all, passedChecks.contains(CheckType.PAYMENT));
        }
        return new OrderRecord(order, placedBy, reserved, held != null && held);
    }

    static OrderRecord created(Order order, String placedBy) {
        return new OrderRecord(order, placedBy, Set.of(), false);
    }

    OrderRecord with(Order next) {
        return new OrderRecord(next, placedBy, reserved, held);
    }

    OrderRecord withReserved(String productId) {
        TreeSet<String> next = new TreeSet<>(reserved);
        next.add(productId);
        return new OrderRecord(order, placedBy, next, held);
    }

    OrderRecord withReserved(Collection<String> productIds) {
        TreeSet<String> next = new TreeSet<>(reserved);
        next.addAll(productIds);
        return new OrderRecord(order, placedBy, next, held);
    }

    OrderRecord withHeld() {
        return new OrderRecord(order, placedBy, reserved, true);
    }

    /** Nothing reserved or held any more: it was all given back, or taken by the shipment. */
    OrderRecord settled(Order next) {
        return new OrderRecord(next, placedBy, Set.of(), false);
    }

    boolean everythingTaken() {
        return held && reserved.containsAll(unitsByProduct(order).keySet());
    }

    /** The order's units per product, in line order: lines of one product are added up. */
    public static Map<String, Integer> unitsByProduct(Order order) {
        Map<String, Integer> units = new LinkedHashMap<>();
        for (OrderLine line : order.items()) {
            units.merge(line.productId(), line.quantity(), Integer::sum);
        }
        return units;
    }
}
