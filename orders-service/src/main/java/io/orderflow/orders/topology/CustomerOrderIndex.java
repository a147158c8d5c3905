package io.orderflow.orders.topology;

import io.orderflow.events.order.Order;
import io.orderflow.orders.domain.OrderRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Every customer's orders, newest first, as one small entry per order in {@code customer-orders-store}, kept
 * beside the orders themselves: the same task writes both, so the index costs one put per created order and
 * no topic of its own. An entry's key sorts a customer's orders newest first, then by id:
 * {@code <customerId>/<19 digits: Long.MAX_VALUE - createdAt millis>/<orderId>}; its value is the order id,
 * whose current state the orders store holds.
 *
 * <p>The store is partitioned like the orders (by order id), so a customer's entries are spread over every
 * partition: a list reads each instance's share and merges them.
 */
public final class CustomerOrderIndex {

    /** Not in the id alphabet ({@code [A-Za-z0-9._:-]}), so {@code c-1/} never matches {@code c-10/...}. */
    private static final char SEPARATOR = '/';

    private final KeyValueStore<String, String> entries;

    CustomerOrderIndex(KeyValueStore<String, String> entries) {
        this.entries = entries;
    }

    void add(Order order) {
        entries.put(key(order), order.id());
    }

    /**
     * The index is derived from the orders store; one that is empty while orders exist (the first start after
     * an upgrade from the layout that kept it elsewhere) must be filled from it, once. Asked when the task
     * starts, before it has processed anything.
     */
    boolean needsRebuild(KeyValueStore<String, OrderRecord> orders) {
        try (KeyValueIterator<String, String> any = entries.all(); KeyValueIterator<String, OrderRecord> order = orders.all()) {
            return !any.hasNext() && order.hasNext();
        }
    }

    /** Adds every stored order (again: a put is idempotent). */
    void rebuild(KeyValueStore<String, OrderRecord> orders) {
        try (KeyValueIterator<String, OrderRecord> all = orders.all()) {
            all.forEachRemaining(entry -> add(entry.value.order()));
        }
    }

    static String key(Order order) {
        String newestFirst = Long.toString(Long.MAX_VALUE - order.createdAt().toEpochMilli());
        StringBuilder key = new StringBuilder(order.customerId().length() + order.id().length() + 21)
                .append(order.customerId()).append(SEPARATOR);
        for (int pad = newestFirst.length(); pad < 19; pad++) {
            key.append('0');
        }
        return key.append(newestFirst).append(SEPARATOR).append(order.id()).toString();
    }

    /** The common start of every key of one customer's orders. */
    public static String prefix(String customerId) {
        return customerId + SEPARATOR;
    }
}
