package io.orderflow.payment.topology;

import io.orderflow.payment.domain.CustomerActivity;
import io.orderflow.payment.domain.RecentOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The fraud check's history in the recent-orders store: one entry per order, keyed
 * {@code <customerId>/<createdAt epoch millis, 13 digits>/<orderId>}, so one customer's orders sort by creation
 * time and a window of them is one range scan.
 *
 * <p>One entry per order, not one list per customer: a customer who creates orders as fast as the API takes
 * them makes many small records, never one value past Kafka's 1 MB record limit (which would fail every
 * transaction of the task holding that customer, and so stop payments for every customer on it).
 */
final class RecentOrders {

    /** Neither in the id alphabet nor a digit, so keys of one customer never interleave with another's. */
    private static final char SEPARATOR = '/';
    /** Sorts after every id character ({@code [A-Za-z0-9._:-]}): the end of a range within one millisecond. */
    private static final char AFTER_ANY_ID = '~';

    private final KeyValueStore<String, RecentOrder> store;

    RecentOrders(KeyValueStore<String, RecentOrder> store) {
        this.store = store;
    }

    /**
     * The customer's orders created in {@code (end - window, end]}, and perhaps a few more in the same
     * milliseconds as the bounds (the key holds milliseconds; {@link CustomerActivity} filters exactly).
     */
    CustomerActivity window(String customerId, Instant end, Duration window) {
        List<RecentOrder> orders = new ArrayList<>();
        try (KeyValueIterator<String, RecentOrder> it = store.range(
                millisPrefix(customerId, end.minus(window).toEpochMilli()),
                millisPrefix(customerId, end.toEpochMilli()) + AFTER_ANY_ID)) {
            it.forEachRemaining(entry -> orders.add(entry.value));
        }
        return new CustomerActivity(orders);
    }

    /**
     * Records the order and forgets the customer's orders no window ending at or after its creation can count
     * any more.
     */
    void record(String customerId, RecentOrder order, Duration window) {
        store.put(key(customerId, order), order);
        long lastForgotten = order.createdAt().minus(window).toEpochMilli() - 1;
        if (lastForgotten < 0) {
            return;
        }
        List<String> forgotten = new ArrayList<>();
        try (KeyValueIterator<String, RecentOrder> it = store.range(customerId + SEPARATOR,
                millisPrefix(customerId, lastForgotten) + AFTER_ANY_ID)) {
            it.forEachRemaining((KeyValue<String, RecentOrder> entry) -> forgotten.add(entry.key));
        }
        forgotten.forEach(store::delete);
    }

    static String key(String customerId, RecentOrder order) {
        return millisPrefix(customerId, order.createdAt().toEpochMilli()) + SEPARATOR + order.orderId();
    }

    private static String millisPrefix(String customerId, long epochMillis) {
        // Fixed width, so string order is time order (until the year 2286); times before 1970 share 0.
        return customerId + SEPARATOR + String.format("%013d", Math.max(0, epochMillis));
    }
}
