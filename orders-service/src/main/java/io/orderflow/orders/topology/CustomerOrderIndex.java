package io.orderflow.orders.topology;

import io.orderflow.events.Ids;
import io.orderflow.events.order.Order;
import io.orderflow.orders.domain.OrderRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Every customer's orders, newest first, as one small entry per order in {@code customer-orders-store}, kept
 * beside the orders themselves: the same task writes both, so the index costs one put per created order and
 * no topic of its own. An entry's key sorts a customer's orders newest first, then by id:
 * {@code <customerId>/<19 digits: Long.MAX_VALUE - createdAt millis>/<orderId>}; its value is the order id,
 * whose current state the orders store holds.
 *
 * <p>The store is partitioned like the orders (by order id), so a customer's entries are spread over every
 * partition: a list reads each instance's share and merges them. The part after the customer id is the
 * order's {@link #position}: lists sort by it and page cursors name it, so the order a page is cut in is the
 * order the store keeps, whatever the merging.
 */
public final class CustomerOrderIndex {

    /** Not in the id alphabet ({@code [A-Za-z0-9._:-]}), so {@code c-1/} never matches {@code c-10/...}. */
    private static final char SEPARATOR = '/';
    private static final Pattern POSITION = Pattern.compile("\\d{19}" + SEPARATOR + Ids.REGEX);

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
        return prefix(order.customerId()) + position(order.createdAt(), order.id());
    }

    /**
     * Where an order sits among its customer's: {@code <19 digits: Long.MAX_VALUE - createdAt millis>/<orderId>}.
     * Ascending positions are newest first, then by id (ids are ASCII, so the store's byte order and
     * {@link String#compareTo} agree). Only milliseconds count: orders are created with millisecond times,
     * and two orders within one millisecond are told apart by id alone, here as in the store.
     */
    public static String position(Instant createdAt, String orderId) {
        String newestFirst = Long.toString(Long.MAX_VALUE - createdAt.toEpochMilli());
        StringBuilder position = new StringBuilder(orderId.length() + 20);
        for (int pad = newestFirst.length(); pad < 19; pad++) {
            position.append('0');
        }
        return position.append(newestFirst).append(SEPARATOR).append(orderId).toString();
    }

    /** Whether {@code position} has the form {@link #position} gives (a cursor a client sent back, say). */
    public static boolean isPosition(String position) {
        return POSITION.matcher(position).matches();
    }

    /** The common start of every key of one customer's orders. */
    public static String prefix(String customerId) {
        return customerId + SEPARATOR;
    }

    /**
     * The ids of at most {@code max} of a customer's orders in one partition, from the first whose position is
     * after {@code after} (null: from the newest), in position order. A range scan that stops after {@code max}
     * entries: the cost is the page's, not the customer's history.
     */
    public static List<String> page(ReadOnlyKeyValueStore<String, String> partition, String customerId, String after,
            int max) {
        String from = after == null ? prefix(customerId) : prefix(customerId) + after;
        // The first string after every "<customerId>/..." key: '0' follows '/', and no key is the bare id plus '0'.
        String to = customerId + (char) (SEPARATOR + 1);
        List<String> ids = new ArrayList<>(Math.min(max, 1_024));
        try (KeyValueIterator<String, String> it = partition.range(from, to)) {
            while (it.hasNext() && ids.size() < max) {
                KeyValue<String, String> entry = it.next();
                // The range includes its start: the cursor's own entry was on the page before.
                if (after == null || !entry.key.equals(from)) {
                    ids.add(entry.value);
                }
            }
        }
        return ids;
    }
}
