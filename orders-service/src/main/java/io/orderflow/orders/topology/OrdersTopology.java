package io.orderflow.orders.topology;

import static io.orderflow.events.topics.Topics.BASKET_CHECKOUTS;
import static io.orderflow.events.topics.Topics.ORDERS;
import static io.orderflow.events.topics.Topics.ORDER_COMMANDS;
import static io.orderflow.events.topics.Topics.ORDER_COMMAND_RESULTS;
import static io.orderflow.events.topics.Topics.ORDER_VALIDATIONS;
import static io.orderflow.events.topics.Topics.SHIPMENTS;

import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.serde.StateSerde;
import io.orderflow.orders.domain.OrderRecord;
import java.time.Duration;
import io.orderflow.events.command.CommandResult;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Orders-service's Kafka Streams application, three pipelines:
 * <ol>
 *   <li><b>lifecycle</b>: commands, checkouts, check verdicts and shipments, all keyed by order id, merged
 *       into one processor that owns the orders store and publishes every state change to {@code orders};</li>
 *   <li><b>customer lists</b>: {@code orders} re-keyed by customer into a store with one entry per order,
 *       read by prefix scan;</li>
 *   <li><b>hourly analytics</b>: created orders' lines counted per product per hour of creation.</li>
 * </ol>
 */
public final class OrdersTopology {

    public static final String ORDERS_STORE = "orders-store";
    /** One entry per order under {@code <customerId>/<orderId>}, partitioned by customer id. */
    public static final String CUSTOMER_ORDERS_STORE = "customer-order-index-store";
    public static final String HOURLY_PRODUCT_STORE = "hourly-product-orders-store";
    public static final Duration WINDOW = Duration.ofHours(1);
    private static final Duration MIN_RETENTION = Duration.ofDays(7);

    private final Consumer<String> onOrderChanged;
    private final OrderMetrics metrics;
    private final Duration analyticsGrace;

    /**
     * @param onOrderChanged called with the order id after each change is stored (wakes long-polls)
     * @param metrics        counts and times the states orders reach
     * @param analyticsGrace how late an order may arrive and still be counted in its hour
     */
    public OrdersTopology(Consumer<String> onOrderChanged, OrderMetrics metrics, Duration analyticsGrace) {
        this.onOrderChanged = onOrderChanged;
        this.metrics = metrics;
        this.analyticsGrace = analyticsGrace;
    }

    public void build(StreamsBuilder builder) {
        lifecycle(builder);
        KStream<String, OrderStateChanged> changes = builder.stream(ORDERS.name(), ORDERS.consumed());
        customerLists(builder, changes);
        hourlyAnalytics(changes);
    }

    private void lifecycle(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ORDERS_STORE),
                Serdes.String(), StateSerde.of(OrderRecord.class)));

        KStream<String, OrderInput> commands = builder.stream(ORDER_COMMANDS.name(), ORDER_COMMANDS.consumed())
                .mapValues(c -> (OrderInput) new OrderInput.Command(c), Named.as("as-command-input"));
        KStream<String, OrderInput> checkouts = builder.stream(BASKET_CHECKOUTS.name(), BASKET_CHECKOUTS.consumed())
                .mapValues(c -> (OrderInput) new OrderInput.Checkout(c), Named.as("as-checkout-input"));
        KStream<String, OrderInput> checks = builder.stream(ORDER_VALIDATIONS.name(), ORDER_VALIDATIONS.consumed())
                .mapValues(c -> (OrderInput) new OrderInput.Check(c), Named.as("as-check-input"));
        KStream<String, OrderInput> shipments = builder.stream(SHIPMENTS.name(), SHIPMENTS.consumed())
                .mapValues(s -> (OrderInput) new OrderInput.Shipment(s), Named.as("as-shipment-input"));

        KStream<String, OrderOutput> outputs = commands
                .merge(checkouts, Named.as("merge-checkouts"))
                .merge(checks, Named.as("merge-checks"))
                .merge(shipments, Named.as("merge-shipments"))
                .process(() -> new OrderProcessor(onOrderChanged, metrics), Named.as("order-lifecycle"), ORDERS_STORE);

        outputs.flatMapValues(OrdersTopology::eventOf, Named.as("events"))
                .to(ORDERS.name(), ORDERS.produced());
        outputs.flatMapValues(OrdersTopology::replyOf, Named.as("replies"))
                .to(ORDER_COMMAND_RESULTS.name(), ORDER_COMMAND_RESULTS.produced());
    }

    private static List<OrderStateChanged> eventOf(OrderOutput output) {
        return output instanceof OrderOutput.Event e ? List.of(e.event()) : List.of();
    }

    private static List<CommandResult> replyOf(OrderOutput output) {
        return output instanceof OrderOutput.Reply r ? List.of(r.result()) : List.of();
    }

    private static void customerLists(StreamsBuilder builder, KStream<String, OrderStateChanged> changes) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CUSTOMER_ORDERS_STORE),
                Serdes.String(), StateSerde.of(Order.class)).withCachingEnabled());
        changes.selectKey((orderId, change) -> change.order().customerId(), Named.as("key-by-customer"))
                .repartition(Repartitioned.<String, OrderStateChanged>as("orders-by-customer")
                        .withKeySerde(Serdes.String()).withValueSerde(ORDERS.valueSerde()))
                .process(CustomerOrderIndex::new, Named.as("customer-orders"), CUSTOMER_ORDERS_STORE);
    }

    private void hourlyAnalytics(KStream<String, OrderStateChanged> changes) {
        Duration retention = WINDOW.plus(analyticsGrace).compareTo(MIN_RETENTION) > 0
                ? WINDOW.plus(analyticsGrace) : MIN_RETENTION;
        changes.filter((orderId, change) -> change.previousState() == null, Named.as("created-orders"))
                .flatMap((orderId, change) -> change.order().items().stream()
                        .map(line -> KeyValue.pair(line.productId(), new ProductUnits(1, line.quantity())))
                        .toList(), Named.as("lines-by-product"))
                .groupByKey(Grouped.with("orders-by-product", Serdes.String(), StateSerde.of(ProductUnits.class)))
                .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, analyticsGrace))
                .aggregate(ProductUnits::zero, (productId, units, total) -> total.plus(units),
                        Named.as("hourly-product-orders"),
                        Materialized.<String, ProductUnits, WindowStore<Bytes, byte[]>>as(HOURLY_PRODUCT_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(StateSerde.of(ProductUnits.class))
                                .withRetention(retention));
    }
}
