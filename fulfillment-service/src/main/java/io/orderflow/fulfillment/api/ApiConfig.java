package io.orderflow.fulfillment.api;

import io.orderflow.fulfillment.domain.Shipment;
import io.orderflow.fulfillment.topology.FulfillmentTopology;
import io.orderflow.service.query.InstanceForwarder;
import io.orderflow.service.query.KeyedReads;
import io.orderflow.service.query.StoreQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's collaborators; {@link ShipmentView#answer} is package-private, so they are built here. */
@Configuration(proxyBeanMethods = false)
class ApiConfig {

    @Bean
    KeyedReads<Shipment> shipmentReads(StoreQueries stores, InstanceForwarder forwarder) {
        return new KeyedReads<>(stores, forwarder, FulfillmentTopology.SHIPMENTS_STORE, ShipmentsController.SHIPMENT,
                ShipmentView::answer);
    }
}
