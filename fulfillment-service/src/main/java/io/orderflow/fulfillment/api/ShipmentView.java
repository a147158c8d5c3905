package io.orderflow.fulfillment.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.orderflow.events.order.OrderLine;
import io.orderflow.fulfillment.domain.Shipment;
import io.orderflow.fulfillment.domain.ShipmentStatus;
import io.orderflow.service.web.ApiException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The body of {@code GET /shipments/{orderId}}; times are ISO-8601 UTC with milliseconds, like every order time. */
@JsonPropertyOrder({"shipmentId", "orderId", "status", "items", "createdAt"})
record ShipmentView(
        String shipmentId,
        String orderId,
        ShipmentStatus status,
        List<OrderLine> items,
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = TIME_PATTERN, timezone = "UTC") Instant createdAt) {

    static final String TIME_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";

    static ShipmentView of(Shipment shipment) {
        return new ShipmentView(shipment.shipmentId(), shipment.orderId(), shipment.status(), shipment.items(),
                shipment.createdAt());
    }

    /** {@code GET /shipments/{orderId}} read here; 404 problem for an order not shipped (or unknown). */
    static ResponseEntity<?> answer(String orderId, Shipment shipment) {
        if (shipment == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Shipment not found", "no shipment for order '" + orderId + "'");
        }
        return ResponseEntity.ok(of(shipment));
    }
}
