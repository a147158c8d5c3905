package io.orderflow.orders.query;

import io.orderflow.orders.topology.OrdersTopology;
import io.orderflow.orders.topology.ProductUnits;
import java.time.Instant;

/** One row of {@code GET /analytics/orders/hourly}: a product's orders and units in one hour. */
public record HourlyProductOrders(Instant windowStart, Instant windowEnd, String productId, long orders, long units) {

    static HourlyProductOrders of(String productId, Instant windowStart, ProductUnits units) {
        return new HourlyProductOrders(windowStart, windowStart.plus(OrdersTopology.WINDOW), productId,
                units.orders(), units.units());
    }
}
