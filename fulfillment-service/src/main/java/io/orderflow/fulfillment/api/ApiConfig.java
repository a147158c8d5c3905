package io.orderflow.fulfillment.api;

import io.orderflow.fulfillment.domain.Shipment;
import io.orderflow.fulfillment.topology.FulfillmentTopology;
import io.orderflow.service.query.InstanceForwarder;
import io.orderflow.service.query.KeyedReads;
import io.orderflow.service.query.StoreQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's collaborators; {@link ShipmentView#answer} is package-private, so they are built here. A customer sees
 * only the shipments of their own orders; another's reads as unknown (404), as its order does.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfig {

    @Bean
    KeyedReads<Shipment> shipmentReads(StoreQueries stores, InstanceForwarder forwarder) {
        return new KeyedReads<>(stores, forwarder, FulfillmentTopology.SHIPMENTS_STORE, ShipmentsController.SHIPMENT,
                ShipmentView::answer, (caller, shipment) -> caller.mayActFor(shipment.customerId()));
    }
}
