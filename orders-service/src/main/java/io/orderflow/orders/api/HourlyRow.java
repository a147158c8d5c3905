package io.orderflow.orders.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.orderflow.orders.query.HourlyProductOrders;
import java.time.Instant;

/** One row of {@code GET /analytics/orders/hourly}. */
@JsonPropertyOrder({"windowStart", "windowEnd", "productId", "orders", "units"})
record HourlyRow(
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = OrderView.TIME_PATTERN, timezone = "UTC") Instant windowStart,
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = OrderView.TIME_PATTERN, timezone = "UTC") Instant windowEnd,
        String productId, long orders, long units) {

    static HourlyRow of(HourlyProductOrders row) {
        return new HourlyRow(row.windowStart(), row.windowEnd(), row.productId(), row.orders(), row.units());
    }
}
