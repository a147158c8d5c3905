package io.orderflow.fulfillment.api;

import io.orderflow.fulfillment.domain.Shipment;
import io.orderflow.service.query.KeyedReads;
import io.orderflow.service.web.ValidId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /shipments/{orderId}}: read-only; shipments are made by the topology, never by a request. */
@RestController
class ShipmentsController {

    static final String SHIPMENT = "/shipments/{orderId}";

    private final KeyedReads<Shipment> reads;

    ShipmentsController(KeyedReads<Shipment> reads) {
        this.reads = reads;
    }

    @GetMapping(SHIPMENT)
    ResponseEntity<?> get(@PathVariable @ValidId String orderId, HttpServletRequest request) {
        return reads.get(orderId, request);
    }
}
