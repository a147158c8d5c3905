package io.orderflow.orders.api;

import io.orderflow.orders.query.OrderQueries;
import io.orderflow.orders.topology.OrdersTopology;
import io.orderflow.service.query.InstanceShares;
import io.orderflow.service.web.ValidId;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;

/**
 * {@code GET /analytics/orders/hourly}: orders and units per product per hour of creation, for the hours of an
 * {@link HourlyRange}. Every instance holds a share of every product's figures (they are counted where orders
 * are created), so the instance asked gathers the shares and adds them up.
 */
@RestController
class AnalyticsController {

    private final OrderQueries queries;
    private final InstanceShares shares;
    private final Clock clock;

    AnalyticsController(OrderQueries queries, InstanceShares shares, Clock clock) {
        this.queries = queries;
        this.shares = shares;
        this.clock = clock;
    }

    @GetMapping("/analytics/orders/hourly")
    ResponseEntity<List<HourlyRow>> hourly(
            @RequestParam(required = false) @ValidId String productId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            HttpServletRequest request) {
        HourlyRange range = HourlyRange.of(from, to, clock.instant());
        // The others are asked for this range exactly: defaults taken on their clocks could straddle an hour.
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("productId", productId);
        asked.put("from", range.from().toString());
        asked.put("to", range.to().toString());
        List<HourlyRow> shared = shares.gather(OrdersTopology.HOURLY_PRODUCT_STORE, request, asked,
                () -> queries.hourlyLocal(productId, range.from(), range.to()).stream().map(HourlyRow::of).toList(),
                new TypeReference<List<HourlyRow>>() { });
        return ResponseEntity.ok(HourlyRow.addedUp(shared));
    }
}
