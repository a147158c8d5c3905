package io.orderflow.orders.topology;

import static io.orderflow.events.topics.Topics.BASKET_CHECKOUTS;
import static io.orderflow.events.topics.Topics.ORDERS;
import static io.orderflow.events.topics.Topics.ORDER_COMMANDS;
import static io.orderflow.events.topics.Topics.ORDER_COMMAND_RESULTS;
import static io.orderflow.events.topics.Topics.ORDER_VALIDATIONS;
import static io.orderflow.events.topics.Topics.PAYMENT_REQUESTS;
import static io.orderflow.events.topics.Topics.SHIPMENTS;
import static io.orderflow.events.topics.Topics.STOCK_REQUESTS;

import io.orderflow.events.order.OrderCommand;
import io.orderflow.events.serde.StateSerde;
import io.orderflow.orders.domain.OrderRecord;
import io.orderflow.service.idempotency.RememberedAnswers;
import io.orderflow.service.streams.StateStores;
import io.orderflow.service.streams.TopicSinks;
import io.orderflow.service.streams.TopicSources;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Orders-service's Kafka Streams application: one processor per order partition, coordinating the saga.
 * <pre>
 * order-commands ----+
 * basket-checkouts --+                     +-> orders            (every state change, by order id)
 * order-validations -+-> order-lifecycle --+-> stock-requests    (reserve / release / deduct, by product id)
 * shipments ---------+   (orders-store,    +-> payment-requests  (hold / release / capture, by customer id)
 *                         customer-orders-store,
 *                         hourly-product-orders-store,
 *                         order-deadlines-store, idempotency-store)
 *                                          +-> order-command-results (answers, by command id)
 * order-commands (PlaceOrderViaKey) --> order-key-check [idempotency-store] --> order-commands (PlaceOrder, by order id)
 *                                                                           --> order-command-results
 * </pre>
 * Every input is keyed by order id, so one task decides everything about an order, one input at a time, and
 * asks stock and payment directly for what each decision needs, in the same transaction: no repartition, and no
 * re-reading of its own output but for one case: a keyed {@code POST /orders} naming its own id is checked under
 * its key first ({@link OrderKeyCheck}) and passed on to its order through {@code order-commands}. The customer
 * lists and the hourly figures are kept beside the orders by the same processor (each instance holds a share;
 * reads gather the shares), and so are the open orders by creation time, from which a wall-clock punctuation of
 * the same processor times out the orders not decided in time.
 */
public final class OrdersTopology {

    public static final String ORDERS_STORE = "orders-store";
    /** One entry per order, {@code <customerId>/<newest first>/<orderId>}: see {@link CustomerOrderIndex}. */
    public static final String CUSTOMER_ORDERS_STORE = "customer-orders-store";
    public static final String HOURLY_PRODUCT_STORE = "hourly-product-orders-store";
    /** One entry per open order, {@code <createdAt millis, 19 digits>/<orderId>}: see {@link OrderDeadlines}. */
    public static final String ORDER_DEADLINES_STORE = "order-deadlines-store";
    public static final Duration WINDOW = Duration.ofHours(1);
    private static final Duration MIN_RETENTION = Duration.ofDays(7);

    private final Consumer<String> onOrderChanged;
    private final OrderMetrics metrics;
    private final Duration analyticsGrace;
    private final Duration orderTimeout;
    private final Clock clock;

    /**
     * @param onOrderChanged called with the order id after each change is stored (wakes long-polls)
     * @param metrics        counts and times the states orders reach
     * @param analyticsGrace how late an order may arrive and still be counted in its hour
     * @param orderTimeout   how long after its creation an undecided order is rejected {@code TIMED_OUT}
     */
    public OrdersTopology(Consumer<String> onOrderChanged, OrderMetrics metrics, Duration analyticsGrace,
            Duration orderTimeout, Clock clock) {
        this.onOrderChanged = onOrderChanged;
        this.metrics = metrics;
        this.analyticsGrace = analyticsGrace;
        this.orderTimeout = orderTimeout;
        this.clock = clock;
    }

    public void build(StreamsBuilder builder) {
        addStores(builder);

        KStream<String, OrderCommand> allCommands = TopicSources.stream(builder, ORDER_COMMANDS);
        KStream<String, OrderOutput> keyChecks = allCommands
                .filter((key, command) -> command.kind() == OrderCommand.Kind.PLACE_VIA_KEY, Named.as("via-their-key"))
                .process(OrderKeyCheck::new, Named.as("order-key-check"), RememberedAnswers.STORE);
        KStream<String, OrderInput> commands = allCommands
                .filterNot((key, command) -> command.kind() == OrderCommand.Kind.PLACE_VIA_KEY, Named.as("to-their-order"))
                .mapValues(OrderInput::of, Named.as("as-command-input"));
        KStream<String, OrderInput> checkouts = TopicSources.stream(builder, BASKET_CHECKOUTS, "as-checkout-input",
                OrderInput.Checkout::new);
        KStream<String, OrderInput> checks = TopicSources.stream(builder, ORDER_VALIDATIONS, "as-check-input",
                OrderInput.Check::new);
        KStream<String, OrderInput> shipments = TopicSources.stream(builder, SHIPMENTS, "as-shipment-input",
                OrderInput.Shipment::new);

        KStream<String, OrderOutput> outputs = commands
                .merge(checkouts, Named.as("merge-checkouts"))
                .merge(checks, Named.as("merge-checks"))
                .merge(shipments, Named.as("merge-shipments"))
                .process(() -> new OrderProcessor(onOrderChanged, metrics, clock, analyticsGrace, orderTimeout),
                        Named.as("order-lifecycle"), ORDERS_STORE, CUSTOMER_ORDERS_STORE, HOURLY_PRODUCT_STORE,
                        ORDER_DEADLINES_STORE, RememberedAnswers.STORE)
                .merge(keyChecks, Named.as("merge-key-checks"));

        TopicSinks.send(outputs, "events", ORDERS, o -> o instanceof OrderOutput.Event e ? e.event() : null);
        TopicSinks.send(outputs, "stock", STOCK_REQUESTS, o -> o instanceof OrderOutput.Stock s ? s.request() : null);
        TopicSinks.send(outputs, "payment", PAYMENT_REQUESTS,
                o -> o instanceof OrderOutput.Payment p ? p.request() : null);
        TopicSinks.send(outputs, "replies", ORDER_COMMAND_RESULTS,
                o -> o instanceof OrderOutput.Reply r ? r.result() : null);
        TopicSinks.send(outputs, "passed-on", ORDER_COMMANDS,
                o -> o instanceof OrderOutput.Command c ? c.command() : null);
    }

    /**
     * The order stores with a record cache: an order's changes within one commit write one changelog record. The
     * idempotency store has none: each entry is written once.
     */
    private void addStores(StreamsBuilder builder) {
        builder.addStateStore(StateStores.keyValue(ORDERS_STORE, OrderRecord.class).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CUSTOMER_ORDERS_STORE),
                Serdes.String(), Serdes.String()).withCachingEnabled());
        // An order decided within a commit interval (most are) meets its entry's put and delete in the cache:
        // one tombstone reaches RocksDB and the changelog, not a put and a delete.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ORDER_DEADLINES_STORE),
                Serdes.String(), Serdes.String()).withCachingEnabled());
        Duration retention = WINDOW.plus(analyticsGrace).compareTo(MIN_RETENTION) > 0
                ? WINDOW.plus(analyticsGrace) : MIN_RETENTION;
        // Timestamped, as the windowed aggregation that kept these figures before wrote them: same changelog format.
        builder.addStateStore(Stores.timestampedWindowStoreBuilder(
                Stores.persistentTimestampedWindowStore(HOURLY_PRODUCT_STORE, retention, WINDOW, false),
                Serdes.String(), StateSerde.of(ProductUnits.class)).withCachingEnabled());
        builder.addStateStore(RememberedAnswers.storeBuilder());
    }
}
