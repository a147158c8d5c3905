package io.orderflow.payment.query;

import io.orderflow.payment.domain.Account;
import io.orderflow.payment.topology.PaymentTopology;
import io.orderflow.service.query.KeyLookup;
import io.orderflow.service.query.StoreQueries;

/** Reads the accounts store: the account when this instance holds the customer, else which instance to ask. */
public final class AccountQueries {

    private final StoreQueries stores;

    public AccountQueries(StoreQueries stores) {
        this.stores = stores;
    }

    public KeyLookup<Account> account(String customerId) {
        return stores.lookup(PaymentTopology.ACCOUNTS_STORE, customerId);
    }
}
