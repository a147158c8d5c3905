package io.orderflow.orders.api;

import io.orderflow.events.Ids;
import io.orderflow.orders.query.HourlyProductOrders;
import io.orderflow.orders.query.OrderQueries;
import io.orderflow.service.query.InstanceForwarder;
import io.orderflow.service.query.KeyLookup;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /analytics/orders/hourly}: orders and units per product per hour of creation. With a product,
 * the instance holding it answers; without, every instance's share is gathered ({@code scope=local} asks
 * one instance for its own share only).
 */
@RestController
class AnalyticsController {

    private final OrderQueries queries;
    private final InstanceForwarder forwarder;
    private final JsonMapper json;

    AnalyticsController(OrderQueries queries, InstanceForwarder forwarder, JsonMapper json) {
        this.queries = queries;
        this.forwarder = forwarder;
        this.json = json;
    }

    @GetMapping("/analytics/orders/hourly")
    ResponseEntity<?> hourly(
            @RequestParam(required = false) @Pattern(regexp = Ids.REGEX, message = "must be 1-64 characters of [A-Za-z0-9._:-]") String productId,
            @RequestParam(required = false) String scope, HttpServletRequest request) {
        if (productId != null) {
            KeyLookup<List<HourlyProductOrders>> lookup = queries.hourly(productId);
            if (lookup instanceof KeyLookup.Remote<List<HourlyProductOrders>> remote) {
                return forwarder.forward(remote.host(), request);
            }
            return ResponseEntity.ok(rows(((KeyLookup.Local<List<HourlyProductOrders>>) lookup).value()));
        }
        if ("local".equals(scope)) {
            return ResponseEntity.ok(rows(queries.hourlyLocal()));
        }
        List<HourlyRow> all = new ArrayList<>(rows(queries.hourlyLocal()));
        for (HostInfo host : queries.stores().hostsOf(io.orderflow.orders.topology.OrdersTopology.HOURLY_PRODUCT_STORE)) {
            if (!host.equals(queries.stores().self())) {
                byte[] body = forwarder.fetch(host, "/analytics/orders/hourly?scope=local").getBody();
                all.addAll(json.readValue(body, new TypeReference<List<HourlyRow>>() { }));
            }
        }
        all.sort(java.util.Comparator.comparing(HourlyRow::windowStart).thenComparing(HourlyRow::productId));
        return ResponseEntity.ok(all);
    }

    private static List<HourlyRow> rows(List<HourlyProductOrders> rows) {
        return OrderQueries.sorted(rows).stream().map(HourlyRow::of).toList();
    }
}
