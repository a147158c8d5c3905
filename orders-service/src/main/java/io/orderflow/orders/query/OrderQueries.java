package io.orderflow.orders.query;

import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderState;
import io.orderflow.orders.domain.OrderRecord;
import io.orderflow.orders.topology.CustomerOrderIndex;
import io.orderflow.orders.topology.OrdersTopology;
import io.orderflow.orders.topology.ProductUnits;
import io.orderflow.service.query.KeyLookup;
import io.orderflow.service.query.StoreQueries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads orders-service's stores. Each method answers for keys this instance holds, or says which
 * instance to ask ({@link KeyLookup.Remote}); the API forwards those.
 */
public final class OrderQueries {

    /** Newest first by creation time, then by id, as {@code GET /orders?customerId=} lists them. */
    public static final Comparator<Order> NEWEST_FIRST =
            Comparator.comparing(Order::createdAt).reversed().thenComparing(Order::id);

    private final StoreQueries stores;
    private final OrderChangeNotifier changes;

    public OrderQueries(StoreQueries stores, OrderChangeNotifier changes) {
        this.stores = stores;
        this.changes = changes;
    }

    public KeyLookup<OrderRecord> order(String orderId) {
        return stores.lookup(OrdersTopology.ORDERS_STORE, orderId);
    }

    /**
     * Waits, holding no thread, until the order satisfies {@code done} or the wait runs out; then completes
     * with the order as it is (empty if it still does not exist). If the order moves to another instance
     * while waiting (a rebalance), completes with {@link Waited.Moved} so the caller can go on waiting there.
     */
    public CompletableFuture<Waited> await(String orderId, Predicate<Optional<Order>> done, Duration wait) {
        return awaitUntil(orderId, done, Instant.now().plus(wait));
    }

    /** How a wait ended. */
    public sealed interface Waited {

        /** The order as it is now on this instance (empty: it does not exist). */
        record Here(Optional<Order> order) implements Waited {
        }

        /** The order is now held by another instance; {@code left} is what remains of the wait. */
        record Moved(HostInfo host, Duration left) implements Waited {
        }
    }

    private CompletableFuture<Waited> awaitUntil(String orderId, Predicate<Optional<Order>> done, Instant deadline) {
        CompletableFuture<Void> next = changes.nextChange(orderId);
        KeyLookup<OrderRecord> lookup = order(orderId);
        Duration left = Duration.between(Instant.now(), deadline);
        if (lookup instanceof KeyLookup.Remote<OrderRecord> remote) {
            next.cancel(false);
            return CompletableFuture.completedFuture(new Waited.Moved(remote.host(), left.isNegative() ? Duration.ZERO : left));
        }
        Optional<Order> now = Optional.ofNullable(((KeyLookup.Local<OrderRecord>) lookup).value()).map(OrderRecord::order);
        if (done.test(now) || left.toMillis() <= 0) {
            next.cancel(false);
            return CompletableFuture.completedFuture(new Waited.Here(now));
        }
        // Woken by a change of the order, by a rebalance (the order may have moved), or by the deadline.
        return next.orTimeout(left.toMillis(), TimeUnit.MILLISECONDS)
                .handleAsync((changed, timedOut) -> timedOut == null)
                .thenCompose(changed -> awaitUntil(orderId, done, changed ? deadline : Instant.now()));
    }

    /** Done when the order is in {@code state} or in a final state. */
    public static Predicate<Optional<Order>> reached(OrderState state) {
        return order -> order.isPresent() && (order.get().state() == state || order.get().state().isFinal());
    }

    public static Predicate<Optional<Order>> exists() {
        return Optional::isPresent;
    }

    /** A customer's orders as of their latest state, newest first, if this instance holds the customer. */
    public KeyLookup<List<Order>> customerOrders(String customerId) {
        KeyLookup<List<Order>> lookup = stores.scanPrefix(OrdersTopology.CUSTOMER_ORDERS_STORE, customerId,
                CustomerOrderIndex.prefix(customerId));
        if (lookup instanceof KeyLookup.Local<List<Order>> local) {
            return new KeyLookup.Local<>(local.value().stream().sorted(NEWEST_FIRST).toList());
        }
        return lookup;
    }

    /** Hourly figures of one product, oldest window first, if this instance holds the product. */
    public KeyLookup<List<HourlyProductOrders>> hourly(String productId) {
        var holder = stores.remoteHolder(OrdersTopology.HOURLY_PRODUCT_STORE, productId);
        if (holder.isPresent()) {
            return new KeyLookup.Remote<>(holder.get());
        }
        List<HourlyProductOrders> rows = stores.readLocal(OrdersTopology.HOURLY_PRODUCT_STORE,
                QueryableStoreTypes.<String, ProductUnits>windowStore(), store -> {
                    List<HourlyProductOrders> found = new ArrayList<>();
                    try (WindowStoreIterator<ProductUnits> it = store.fetch(productId, Instant.EPOCH, Instant.now().plus(OrdersTopology.WINDOW))) {
                        it.forEachRemaining(kv -> found.add(HourlyProductOrders.of(productId, Instant.ofEpochMilli(kv.key), kv.value)));
                    }
                    return found;
                });
        return new KeyLookup.Local<>(rows);
    }

    /** This instance's share of every product's hourly figures. */
    public List<HourlyProductOrders> hourlyLocal() {
        return stores.readLocal(OrdersTopology.HOURLY_PRODUCT_STORE,
                QueryableStoreTypes.<String, ProductUnits>windowStore(), (ReadOnlyWindowStore<String, ProductUnits> store) -> {
                    List<HourlyProductOrders> found = new ArrayList<>();
                    try (KeyValueIterator<Windowed<String>, ProductUnits> it = store.fetchAll(Instant.EPOCH, Instant.now().plus(OrdersTopology.WINDOW))) {
                        it.forEachRemaining(kv -> found.add(HourlyProductOrders.of(kv.key.key(), kv.key.window().startTime(), kv.value)));
                    }
                    return found;
                });
    }

    public StoreQueries stores() {
        return stores;
    }

    public static List<HourlyProductOrders> sorted(List<HourlyProductOrders> rows) {
        return rows.stream().sorted(Comparator.comparing(HourlyProductOrders::windowStart)
                .thenComparing(HourlyProductOrders::productId)).toList();
    }
}
