package io.orderflow.stock.query;

import io.orderflow.service.query.KeyLookup;
import io.orderflow.service.query.StoreQueries;
import io.orderflow.stock.domain.StockLevel;
import io.orderflow.stock.topology.StockTopology;

/** Reads stock-service's store: the level of a product this instance holds, or which instance to ask. */
public final class StockQueries {

    private final StoreQueries stores;

    public StockQueries(StoreQueries stores) {
        this.stores = stores;
    }

    public KeyLookup<StockLevel> level(String productId) {
        return stores.lookup(StockTopology.STOCK_STORE, productId);
    }
}
