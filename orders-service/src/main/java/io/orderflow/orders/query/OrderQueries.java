package io.orderflow.orders.query;

import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderState;
import io.orderflow.orders.domain.OrderRecord;
import io.orderflow.orders.topology.CustomerOrderIndex;
import io.orderflow.orders.topology.OrdersTopology;
import io.orderflow.orders.topology.ProductUnits;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import io.orderflow.service.query.KeyLookup;
import io.orderflow.service.query.StoreQueries;
import java.time.Clock;
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

/**
 * Reads orders-service's stores. Each method answers for keys this instance holds, or says which
 * instance to ask ({@link KeyLookup.Remote}); the API forwards those.
 */
public final class OrderQueries {

    /** As {@code GET /orders?customerId=} lists orders: by their position in the customer index. */
    private static final Comparator<Order> IN_LIST_ORDER =
            Comparator.comparing(order -> CustomerOrderIndex.position(order.createdAt(), order.id()));

    private final StoreQueries stores;
    private final OrderChangeNotifier changes;
    /** Measures what is left of a long-poll's wait; the wait itself runs out on real time ({@code orTimeout}). */
    private final Clock clock;

    public OrderQueries(StoreQueries stores, OrderChangeNotifier changes, Clock clock) {
        this.stores = stores;
        this.changes = changes;
        this.clock = clock;
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
        return awaitUntil(orderId, done, clock.instant().plus(wait));
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
        Duration left = Duration.between(clock.instant(), deadline);
        Waited waited = order(orderId).fold(
                record -> new Waited.Here(Optional.ofNullable(record).map(OrderRecord::order)),
                host -> new Waited.Moved(host, left.isNegative() ? Duration.ZERO : left));
        if (!(waited instanceof Waited.Here here)) {
            next.cancel(false);
            return CompletableFuture.completedFuture(waited);
        }
        Optional<Order> now = here.order();
        if (done.test(now) || left.toMillis() <= 0) {
            next.cancel(false);
            return CompletableFuture.completedFuture(here);
        }
        // Woken by a change of the order, by a rebalance (the order may have moved), or by the deadline.
        return next.orTimeout(left.toMillis(), TimeUnit.MILLISECONDS)
                .handleAsync((changed, timedOut) -> timedOut == null)
                .thenCompose(changed -> awaitUntil(orderId, done, changed ? deadline : clock.instant()));
    }

    /** Done when the order is in {@code state} or in a final state. */
    public static Predicate<Optional<Order>> reached(OrderState state) {
        return order -> order.isPresent() && (order.get().state() == state || order.get().state().isFinal());
    }

    public static Predicate<Optional<Order>> exists() {
        return Optional::isPresent;
    }

    /**
     * This instance's share of a page of a customer's orders, as of their latest state: at most {@code max}
     * orders whose index position is after {@code after} (null: from the newest), in position order (newest
     * first, then by id). Each local partition is scanned for at most {@code max} entries, and the customer
     * index and the orders sit in the same partitions, so every order an entry names is read from the
     * partition beside it: the cost is {@code max} per partition, whatever the customer's history.
     */
    public List<Order> customerOrdersLocal(String customerId, String after, int max) {
        List<Order> found = new ArrayList<>();
        for (int partition : stores.localPartitions(OrdersTopology.CUSTOMER_ORDERS_STORE)) {
            List<String> ids = stores.readLocalPartition(OrdersTopology.CUSTOMER_ORDERS_STORE, partition,
                    QueryableStoreTypes.<String, String>keyValueStore(),
                    index -> CustomerOrderIndex.page(index, customerId, after, max));
            if (!ids.isEmpty()) {
                found.addAll(stores.readLocalPartition(OrdersTopology.ORDERS_STORE, partition,
                        QueryableStoreTypes.<String, OrderRecord>keyValueStore(),
                        orders -> ids.stream().map(orders::get).filter(Objects::nonNull).map(OrderRecord::order).toList()));
            }
        }
        return found.stream().sorted(IN_LIST_ORDER).limit(max).toList();
    }

    /**
     * This instance's share of the hourly figures of the windows starting in {@code [from, to)}, of one product
     * or (null) of every product: every local partition holds a share of each product's hours, added up here.
     * The store is fetched for exactly that range, so the cost is bounded by its length.
     */
    public List<HourlyProductOrders> hourlyLocal(String productId, Instant from, Instant to) {
        // The store counts whole milliseconds and fetches both ends inclusive: [from, to) is
        // [from rounded up, to rounded up - 1 ms] in its terms.
        long first = roundUpToMillis(from);
        long last = roundUpToMillis(to) - 1;
        if (first > last) {
            return List.of();
        }
        Map<String, Map<Instant, ProductUnits>> sums = new TreeMap<>();
        stores.readLocal(OrdersTopology.HOURLY_PRODUCT_STORE, QueryableStoreTypes.<String, ProductUnits>windowStore(),
                (ReadOnlyWindowStore<String, ProductUnits> store) -> {
                    Instant start = Instant.ofEpochMilli(first);
                    Instant end = Instant.ofEpochMilli(last);
                    try (KeyValueIterator<Windowed<String>, ProductUnits> it = productId == null
                            ? store.fetchAll(start, end) : store.fetch(productId, productId, start, end)) {
                        it.forEachRemaining(kv -> sums.computeIfAbsent(kv.key.key(), p -> new TreeMap<>())
                                .merge(kv.key.window().startTime(), kv.value, ProductUnits::plus));
                    }
                    return null;
                });
        List<HourlyProductOrders> rows = new ArrayList<>();
        sums.forEach((product, hours) -> hours.forEach((start, units) ->
                rows.add(HourlyProductOrders.of(product, start, units))));
        return rows;
    }

    private static long roundUpToMillis(Instant instant) {
        long millis = instant.toEpochMilli();
        return instant.getNano() % 1_000_000 == 0 ? millis : millis + 1;
    }

    public StoreQueries stores() {
        return stores;
    }
}
