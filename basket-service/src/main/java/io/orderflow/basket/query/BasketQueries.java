package io.orderflow.basket.query;

import io.orderflow.basket.domain.Basket;
import io.orderflow.basket.topology.BasketTopology;
import io.orderflow.service.query.KeyLookup;
import io.orderflow.service.query.StoreQueries;

/** Reads the baskets store: here when this instance holds the customer, else says which instance does. */
public final class BasketQueries {

    private final StoreQueries stores;

    public BasketQueries(StoreQueries stores) {
        this.stores = stores;
    }

    public KeyLookup<Basket> basket(String customerId) {
        return stores.lookup(BasketTopology.BASKETS_STORE, customerId);
    }
}
