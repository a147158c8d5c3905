package io.orderflow.fulfillment.api;

import io.orderflow.fulfillment.domain.Shipment;
import io.orderflow.fulfillment.query.ShipmentQueries;
import io.orderflow.service.query.InstanceForwarder;
import io.orderflow.service.web.ApiException;
import io.orderflow.service.web.ValidId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /shipments/{orderId}}: read-only; shipments are made by the topology, never by a request. */
@RestController
class ShipmentsController {


    private final ShipmentQueries queries;
    private final InstanceForwarder forwarder;

    ShipmentsController(ShipmentQueries queries, InstanceForwarder forwarder) {
        this.queries = queries;
        this.forwarder = forwarder;
    }

    @GetMapping("/shipments/{orderId}")
    ResponseEntity<?> get(@PathVariable @ValidId String orderId,
            HttpServletRequest request) {
        return forwarder.answer(queries.shipment(orderId), request, shipment -> {
            if (shipment == null) {
                throw new ApiException(HttpStatus.NOT_FOUND, "Shipment not found",
                        "no shipment for order '" + orderId + "'");
            }
            return ResponseEntity.ok(ShipmentView.of(shipment));
        });
    }
}
