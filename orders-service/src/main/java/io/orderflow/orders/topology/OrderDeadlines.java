package io.orderflow.orders.topology;

import io.orderflow.events.order.Order;
import io.orderflow.orders.domain.OrderRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The open orders by creation time, so the ones whose timeout has passed are found by reading only them, never
 * every open order: {@code order-deadlines-store} holds one entry per open order,
 * {@code <19 digits: createdAt millis>/<orderId>} to the order id, kept beside the orders by the task that owns
 * them. An entry is put when its order is created and deleted when the order is final, or when it was found
 * validated and overdue: one put and one delete per order. Keyed by creation time rather than by deadline, so a
 * changed timeout applies to the orders already open.
 */
final class OrderDeadlines {

    /**
     * Says that every open order of the task has its entry. Absent only before the index was first built (a new
     * store, or the first start after an upgrade from the layout without it). It sorts after every digit, so no
     * scan of due orders reaches it.
     */
    static final String COMPLETE = "~every-open-order-listed";

    private static final char SEPARATOR = '/';

    private final KeyValueStore<String, String> entries;

    OrderDeadlines(KeyValueStore<String, String> entries) {
        this.entries = entries;
    }

    void add(Order order) {
        entries.put(key(order), order.id());
    }

    void remove(Order order) {
        entries.delete(key(order));
    }

    void remove(String key) {
        entries.delete(key);
    }

    /**
     * The entries of orders created at or before {@code createdAtOrBefore} (epoch millis), oldest first, at most
     * {@code max}: the rest are found the next time. Read out before the caller changes the store.
     */
    List<KeyValue<String, String>> due(long createdAtOrBefore, int max) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        // Inclusive bound: the bare digits of the next millisecond sort after every key of this one.
        try (KeyValueIterator<String, String> oldest = entries.range(null, digits(createdAtOrBefore + 1))) {
            while (due.size() < max && oldest.hasNext()) {
                due.add(oldest.next());
            }
        }
        return due;
    }

    /** Asked when the task starts, before it has processed anything (reading needs no record context). */
    boolean needsBuild() {
        return entries.get(COMPLETE) == null;
    }

    /** Lists every open order of the task (again: a put is idempotent), then says the index is complete. */
    void build(KeyValueStore<String, OrderRecord> orders) {
        try (KeyValueIterator<String, OrderRecord> all = orders.all()) {
            all.forEachRemaining(entry -> {
                if (!entry.value.order().state().isFinal()) {
                    add(entry.value.order());
                }
            });
        }
        entries.put(COMPLETE, "");
    }

    static String key(Order order) {
        return digits(order.createdAt().toEpochMilli()) + SEPARATOR + order.id();
    }

    private static String digits(long millis) {
        String digits = Long.toString(millis);
        StringBuilder padded = new StringBuilder(19);
        for (int pad = digits.length(); pad < 19; pad++) {
            padded.append('0');
        }
        return padded.append(digits).toString();
    }
}
