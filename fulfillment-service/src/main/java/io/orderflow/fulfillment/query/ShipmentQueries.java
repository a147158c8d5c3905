package io.orderflow.fulfillment.query;

import io.orderflow.fulfillment.domain.Shipment;
import io.orderflow.fulfillment.topology.FulfillmentTopology;
import io.orderflow.service.query.KeyLookup;
import io.orderflow.service.query.StoreQueries;

/** Reads the shipments store: here when this instance holds the order, else says which instance does. */
public final class ShipmentQueries {

    private final StoreQueries stores;

    public ShipmentQueries(StoreQueries stores) {
        this.stores = stores;
    }

    public KeyLookup<Shipment> shipment(String orderId) {
        return stores.lookup(FulfillmentTopology.SHIPMENTS_STORE, orderId);
    }
}
