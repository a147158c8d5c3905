package io.orderflow.payment.topology;

import io.orderflow.payment.domain.FraudWindow;
import io.orderflow.payment.domain.RecentOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The entries behind each customer's {@link FraudWindow} in the recent-orders store: one per order counted,
 * keyed {@code <customerId>/<createdAt epoch millis, 13 digits>/<orderId>}, so one customer's entries sort by
 * creation time and those that leave the window are one range at the front.
 *
 * <p>Every entry is written once, and read and deleted once, when the window moves past it: a check costs
 * the same whatever the customer's number of orders in the hour. The entries of a customer are all after the
 * window's start, so the range to forget starts just after it: the seek lands on the customer's first entry
 * instead of walking over the tombstones of entries deleted before (RocksDB keeps them until compaction).
 */
final class RecentOrders {

    /** Neither in the id alphabet nor a digit, so keys of one customer never interleave with another's. */
    private static final char SEPARATOR = '/';
    /** Sorts after every id character ({@code [A-Za-z0-9._:-]}) and digit: the end of a range. */
    private static final char AFTER_ANY_ID = '~';

    private static final String ZEROS = "0000000000000";

    private final KeyValueStore<String, RecentOrder> store;

    RecentOrders(KeyValueStore<String, RecentOrder> store) {
        this.store = store;
    }

    /**
     * The customer's window moved on to an order created at {@code createdAt}, the entries that left it
     * deleted. {@code stored} is the window kept in the account; when there is none (a value written before
     * it was kept there, or a new customer) it is computed once from the customer's entries.
     */
    FraudWindow windowAt(String customerId, FraudWindow stored, Instant createdAt) {
        FraudWindow window = stored != null ? stored : rebuild(customerId);
        if (!window.movesTo(createdAt)) {
            return window;
        }
        BigDecimal left = window.end() == null ? BigDecimal.ZERO
                : forget(customerId, window.start(), FraudWindow.startOf(createdAt));
        return window.movedTo(createdAt, left);
    }

    void record(String customerId, Instant createdAt, String orderId, BigDecimal amount) {
        store.put(millisPrefix(customerId, createdAt) + SEPARATOR + orderId, new RecentOrder(amount));
    }

    /** Deletes the customer's entries created in {@code (after, upTo]}; what they add up to. */
    private BigDecimal forget(String customerId, Instant after, Instant upTo) {
        List<String> keys = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        try (KeyValueIterator<String, RecentOrder> it = store.range(
                millisPrefix(customerId, after.plusMillis(1)), millisPrefix(customerId, upTo) + AFTER_ANY_ID)) {
            while (it.hasNext()) {
                KeyValue<String, RecentOrder> entry = it.next();
                keys.add(entry.key);
                total = total.add(entry.value.amount());
            }
        }
        keys.forEach(store::delete);
        return total;
    }

    /** Once per customer: the window from all its entries, and those outside it deleted (see FraudWindow.of). */
    private FraudWindow rebuild(String customerId) {
        List<String> keys = new ArrayList<>();
        List<FraudWindow.Entry> entries = new ArrayList<>();
        try (KeyValueIterator<String, RecentOrder> it = store.range(customerId + SEPARATOR,
                customerId + SEPARATOR + AFTER_ANY_ID)) {
            while (it.hasNext()) {
                KeyValue<String, RecentOrder> entry = it.next();
                keys.add(entry.key);
                entries.add(new FraudWindow.Entry(createdAt(customerId, entry.key), entry.value.amount()));
            }
        }
        FraudWindow window = FraudWindow.of(entries);
        for (int i = 0; i < keys.size(); i++) {
            if (!window.contains(entries.get(i).createdAt())) {
                store.delete(keys.get(i));
            }
        }
        return window;
    }

    private static String millisPrefix(String customerId, Instant at) {
        // Fixed width, so string order is time order (until the year 2286); times before 1970 share 0.
        String millis = Long.toString(Math.max(0, at.toEpochMilli()));
        return customerId + SEPARATOR + ZEROS.substring(millis.length()) + millis;
    }

    private static Instant createdAt(String customerId, String key) {
        int from = customerId.length() + 1;
        return Instant.ofEpochMilli(Long.parseLong(key.substring(from, from + ZEROS.length())));
    }
}
