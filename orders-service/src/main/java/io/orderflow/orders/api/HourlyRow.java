package io.orderflow.orders.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.orderflow.orders.query.HourlyProductOrders;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One row of {@code GET /analytics/orders/hourly}. */
@JsonPropertyOrder({"windowStart", "windowEnd", "productId", "orders", "units"})
record HourlyRow(
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = OrderView.TIME_PATTERN, timezone = "UTC") Instant windowStart,
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = OrderView.TIME_PATTERN, timezone = "UTC") Instant windowEnd,
        String productId, long orders, long units) {

    /** One row per product and hour, the shares of each added up, sorted by window start, then product. */
    static List<HourlyRow> addedUp(List<HourlyRow> shares) {
        Map<List<Object>, HourlyRow> rows = new HashMap<>();
        for (HourlyRow share : shares) {
            rows.merge(List.of(share.windowStart(), share.productId()), share, (a, b) -> new HourlyRow(a.windowStart,
                    a.windowEnd, a.productId, a.orders + b.orders, a.units + b.units));
        }
        return rows.values().stream()
                .sorted(Comparator.comparing(HourlyRow::windowStart).thenComparing(HourlyRow::productId)).toList();
    }

    static HourlyRow of(HourlyProductOrders row) {
        return new HourlyRow(row.windowStart(), row.windowEnd(), row.productId(), row.orders(), row.units());
    }
}
