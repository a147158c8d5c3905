package io.orderflow.orders.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.Rejection;
import io.orderflow.orders.domain.OrderRecord;
import io.orderflow.orders.topology.CustomerOrderIndex;
import io.orderflow.service.web.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.ResponseEntity;

/** The order body of every read, exactly as the contract shows it (every field present, times with milliseconds). */
@JsonPropertyOrder({"id", "customerId", "items", "total", "state", "rejections", "createdAt", "updatedAt", "shipmentId"})
record OrderView(
        String id,
        String customerId,
        List<OrderLine> items,
        BigDecimal total,
        OrderState state,
        List<Rejection> rejections,
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = TIME_PATTERN, timezone = "UTC") Instant createdAt,
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = TIME_PATTERN, timezone = "UTC") Instant updatedAt,
        String shipmentId) {

    static final String TIME_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";

    /**
     * As {@code GET /orders?customerId=} lists orders, newest first, then by id: by their position in the
     * customer index, the order each instance reads its share in and the cursor counts in.
     */
    static final Comparator<OrderView> IN_LIST_ORDER =
            Comparator.comparing(order -> CustomerOrderIndex.position(order.createdAt(), order.id()));

    /**
     * The order as {@code POST /orders} created it, whatever it went through since: {@code CREATED}, without
     * rejections or shipment, updated when created (as {@code OrderLifecycle.place} makes it). The body of the
     * first answer to a keyed POST, given again to a repeat.
     */
    OrderView asCreated() {
        return new OrderView(id, customerId, items, total, OrderState.CREATED, List.of(), createdAt, createdAt, null);
    }

    static OrderView of(Order order) {
        return new OrderView(order.id(), order.customerId(), order.items(), order.total(), order.state(),
                order.rejections(), order.createdAt(), order.updatedAt(), order.shipmentId());
    }

    /** {@code GET /orders/{id}} read here, without a wait; 404 problem when unknown. */
    static ResponseEntity<?> answer(String orderId, OrderRecord record) {
        if (record == null) {
            throw ApiException.notFound("Order", orderId);
        }
        return ResponseEntity.ok(of(record.order()));
    }
}
