package io.orderflow.stock.domain;

import io.orderflow.events.Ids;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one order event asks of one product. Travels re-keyed by product id through the line-requests
 * repartition topic, so all work on one product is done, in order, by the one task that owns it.
 *
 * @param quantity  units to reserve (0 for release and deduct)
 * @param lineCount how many distinct products the order has, so the check knows when it has every answer
 */
public record LineRequest(Kind kind, String orderId, String productId, long quantity, int lineCount) {

    public enum Kind {
        RESERVE, RELEASE, DEDUCT
    }

    public LineRequest {
        Objects.requireNonNull(kind, "kind");
        Ids.require(orderId, "orderId");
        Ids.require(productId, "productId");
        if (kind == Kind.RESERVE && quantity < 1) {
            throw new IllegalArgumentException("a reservation is for at least one unit");
        }
        if (lineCount < 1) {
            throw new IllegalArgumentException("an order has at least one line");
        }
    }

    /**
     * The line requests an order event causes: a newly created order reserves each line, a rejected or
     * cancelled one releases them, a shipped one deducts them; a validated one asks nothing.
     */
    public static List<LineRequest> allFor(OrderStateChanged change) {
        Kind kind = kindFor(change);
        if (kind == null) {
            return List.of();
        }
        Map<String, Long> units = unitsByProduct(change.order().items());
        String orderId = change.order().id();
        return units.entrySet().stream()
                .map(e -> new LineRequest(kind, orderId, e.getKey(), kind == Kind.RESERVE ? e.getValue() : 0, units.size()))
                .toList();
    }

    private static Kind kindFor(OrderStateChanged change) {
        OrderState state = change.state();
        if (change.previousState() == null && state == OrderState.CREATED) {
            return Kind.RESERVE;
        }
        if (state == OrderState.REJECTED || state == OrderState.CANCELLED) {
            return Kind.RELEASE;
        }
        if (state == OrderState.SHIPPED) {
            return Kind.DEDUCT;
        }
        return null;
    }

    /**
     * Orders-service refuses two lines of one product, but an order is counted per product here, so a
     * second line of the same product is folded into the first rather than leaving the check one answer short.
     */
    private static Map<String, Long> unitsByProduct(List<OrderLine> lines) {
        Map<String, Long> units = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            units.merge(line.productId(), (long) line.quantity(), Long::sum);
        }
        return units;
    }
}
