package io.orderflow.orders.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.CancelOrder;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.OrderCommand;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.order.PlaceOrder;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.payment.HoldPayment;
import io.orderflow.events.payment.PaymentRequest;
import io.orderflow.events.payment.ReleasePayment;
import io.orderflow.events.serde.StateSerde;
import io.orderflow.events.shipment.ShipmentCreated;
import io.orderflow.events.stock.DeductStock;
import io.orderflow.events.stock.ReleaseStock;
import io.orderflow.events.stock.ReserveStock;
import io.orderflow.events.stock.StockRequest;
import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import io.orderflow.orders.domain.OrderLifecycle;
import io.orderflow.orders.domain.OrderRecord;
import io.orderflow.service.config.OrderflowProperties;
import io.orderflow.service.config.StreamsSettings;
import io.orderflow.testsupport.streams.TopologyHarness;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The orders topology on TopologyTestDriver: the pipelines wired right, fast. The flow itself is proven on a broker. */
class OrdersTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:15:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** Where the driver's wall clock starts: when the orders are placed, as the processor's clock says. */
    private static final Instant NOW = T0.plusSeconds(1);

    private final List<String> changed = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    @AutoClose
    private final TopologyHarness harness = TopologyHarness.inFreshStateDir(
            dir -> StreamsSettings.of(OrderflowProperties.defaults("dummy:9092", dir), "orders-topology-test", null),
            builder -> new OrdersTopology(changed::add, new OrderMetrics(registry), Duration.ofHours(24), TIMEOUT,
                    Clock.fixed(NOW, ZoneOffset.UTC)).build(builder), NOW);
    private final TopologyTestDriver driver = harness.driver();

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return harness.input(topic);
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return harness.output(topic);
    }

    private static PlaceOrder place(String orderId, String customerId, Instant at, OrderLine... lines) {
        return new PlaceOrder("cmd-" + orderId, orderId, customerId, List.of(lines), at);
    }

    @Test
    void oneSubTopologyAndNoRepartitionOrReadBackOfItsOwnOutput() {
        assertThat(harness.describe().subtopologies()).hasSize(1);
        assertThat(harness.describe().toString()).doesNotContain("repartition").doesNotContain("topics: [orders]");
    }

    @Test
    void aNewOrderAsksStockPerProductAndPaymentOnceEachUnderTheirKeys() {
        TestOutputTopic<String, StockRequest> stock = output(Topics.STOCK_REQUESTS);
        TestOutputTopic<String, PaymentRequest> payment = output(Topics.PAYMENT_REQUESTS);

        input(Topics.ORDER_COMMANDS).pipeInput("o-1", (OrderCommand) place("o-1", "c-1", T0,
                new OrderLine("p-1", 2, new BigDecimal("5.00")), new OrderLine("p-2", 1, new BigDecimal("1.50"))));

        assertThat(stock.readKeyValuesToList()).containsExactly(
                KeyValue.pair("p-1", new ReserveStock("o-1", "p-1", 2)), KeyValue.pair("p-2", new ReserveStock("o-1", "p-2", 1)));
        assertThat(payment.readKeyValuesToList()).containsExactly(KeyValue.pair("c-1",
                new HoldPayment("o-1", "c-1", new BigDecimal("11.50"), T0, 2, 3)));
    }

    @Test
    void placeThenEveryVerdictPublishesCreatedThenValidatedAndAnswersTheCommand() {
        TestOutputTopic<String, OrderStateChanged> events = output(Topics.ORDERS);
        TestOutputTopic<String, CommandResult> replies = output(Topics.ORDER_COMMAND_RESULTS);

        input(Topics.ORDER_COMMANDS).pipeInput("o-1", (OrderCommand) place("o-1", "c-1", T0,
                new OrderLine("p-1", 2, new BigDecimal("5.00")), new OrderLine("p-2", 1, BigDecimal.ONE)));
        input(Topics.ORDER_VALIDATIONS).pipeInput("o-1", OrderCheckCompleted.stock("o-1", "p-1", null, T0));
        input(Topics.ORDER_VALIDATIONS).pipeInput("o-1", OrderCheckCompleted.payment("o-1", null, T0));
        assertThat(driver.<String, OrderRecord>getKeyValueStore(OrdersTopology.ORDERS_STORE).get("o-1").order().state())
                .as("p-2 not answered yet").isEqualTo(OrderState.CREATED);
        input(Topics.ORDER_VALIDATIONS).pipeInput("o-1", OrderCheckCompleted.stock("o-1", "p-2", null, T0));

        assertThat(events.readValuesToList()).extracting(OrderStateChanged::state)
                .containsExactly(OrderState.CREATED, OrderState.VALIDATED);
        KeyValue<String, CommandResult> reply = replies.readKeyValue();
        assertThat(reply.key).isEqualTo("cmd-o-1");
        assertThat(reply.value.status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(changed).contains("o-1");
    }

    @Test
    void aShipmentShipsAndDeductsEveryReservedProduct() {
        TestOutputTopic<String, StockRequest> stock = output(Topics.STOCK_REQUESTS);
        input(Topics.ORDER_COMMANDS).pipeInput("o-1", (OrderCommand) place("o-1", "c-1", T0,
                new OrderLine("p-1", 2, new BigDecimal("5.00"))));
        input(Topics.ORDER_VALIDATIONS).pipeInput("o-1", OrderCheckCompleted.stock("o-1", "p-1", null, T0));
        input(Topics.ORDER_VALIDATIONS).pipeInput("o-1", OrderCheckCompleted.payment("o-1", null, T0));
        stock.readValuesToList();

        input(Topics.SHIPMENTS).pipeInput("o-1", new ShipmentCreated("s-1", "o-1", "c-1",
                List.of(new OrderLine("p-1", 2, new BigDecimal("5.00"))), T0));

        assertThat(stock.readKeyValuesToList()).containsExactly(KeyValue.pair("p-1", new DeductStock("o-1", "p-1", 2)));
        assertThat(driver.<String, OrderRecord>getKeyValueStore(OrdersTopology.ORDERS_STORE).get("o-1").order().state())
                .isEqualTo(OrderState.SHIPPED);
    }

    @Test
    void customerListAndHourlyAnalyticsAreKeptBesideTheOrders() {
        TestInputTopic<String, OrderCommand> commands = input(Topics.ORDER_COMMANDS);
        // Record times as a producer gives them: when the request was made (the late one is within the grace).
        commands.pipeInput("o-1", place("o-1", "c-1", T0, new OrderLine("p-1", 2, BigDecimal.ONE)), T0);
        commands.pipeInput("o-2", place("o-2", "c-1", T0.minus(Duration.ofHours(1)), new OrderLine("p-1", 3, BigDecimal.ONE)), T0);
        commands.pipeInput("o-3", place("o-3", "c-10", T0, new OrderLine("p-2", 1, BigDecimal.ONE)), T0);
        commands.pipeInput("o-4", place("o-4", "c-1", T0.minus(Duration.ofHours(25)), new OrderLine("p-1", 7, BigDecimal.ONE)), T0);

        KeyValueStore<String, String> customers = driver.getKeyValueStore(OrdersTopology.CUSTOMER_ORDERS_STORE);
        List<String> ofC1 = new ArrayList<>();
        try (KeyValueIterator<String, String> it = customers.prefixScan(CustomerOrderIndex.prefix("c-1"),
                Serdes.String().serializer())) {
            it.forEachRemaining(kv -> ofC1.add(kv.value));
        }
        assertThat(ofC1).as("c-1's orders only, not c-10's, newest first").containsExactly("o-1", "o-2", "o-4");

        WindowStore<String, ValueAndTimestamp<ProductUnits>> hourly =
                driver.getTimestampedWindowStore(OrdersTopology.HOURLY_PRODUCT_STORE);
        List<Long> units = new ArrayList<>();
        try (WindowStoreIterator<ValueAndTimestamp<ProductUnits>> it = hourly.fetch("p-1", Instant.EPOCH,
                T0.plus(Duration.ofHours(1)))) {
            it.forEachRemaining(kv -> units.add(kv.value.value().units()));
        }
        assertThat(units).as("one window per hour of creation, the earlier hour first; o-4 is past the grace")
                .containsExactly(3L, 2L);
    }

    @Test
    void theCustomerIndexPagesStrictlyAfterAPositionNewestFirstThenById() {
        TestInputTopic<String, OrderCommand> commands = input(Topics.ORDER_COMMANDS);
        // Three orders within one millisecond (the sub-millisecond parts differ): told apart by id alone.
        commands.pipeInput("o-b", place("o-b", "c-1", T0.plusNanos(900_000), new OrderLine("p-1", 1, BigDecimal.ONE)), T0);
        commands.pipeInput("o-a", place("o-a", "c-1", T0.plusNanos(100), new OrderLine("p-1", 1, BigDecimal.ONE)), T0);
        commands.pipeInput("o-a.1", place("o-a.1", "c-1", T0, new OrderLine("p-1", 1, BigDecimal.ONE)), T0);
        commands.pipeInput("o-new", place("o-new", "c-1", T0.plusMillis(1), new OrderLine("p-1", 1, BigDecimal.ONE)), T0);
        commands.pipeInput("o-old", place("o-old", "c-1", T0.minusSeconds(60), new OrderLine("p-1", 1, BigDecimal.ONE)), T0);
        commands.pipeInput("o-x", place("o-x", "c-10", T0, new OrderLine("p-1", 1, BigDecimal.ONE)), T0);
        KeyValueStore<String, String> index = driver.getKeyValueStore(OrdersTopology.CUSTOMER_ORDERS_STORE);
        KeyValueStore<String, OrderRecord> orders = driver.getKeyValueStore(OrdersTopology.ORDERS_STORE);

        assertThat(CustomerOrderIndex.page(index, "c-1", null, 10))
                .as("newest first, then by id; not c-10's").containsExactly("o-new", "o-a", "o-a.1", "o-b", "o-old");
        String afterA = position(orders.get("o-a").order());
        assertThat(CustomerOrderIndex.page(index, "c-1", afterA, 2)).as("strictly after, at most 2")
                .containsExactly("o-a.1", "o-b");
        assertThat(CustomerOrderIndex.page(index, "c-1", position(orders.get("o-old").order()), 10)).isEmpty();
        assertThat(orders.get("o-b").order().createdAt()).as("created with millisecond times").isEqualTo(T0);
    }

    @Test
    void positionsSortAsTheListDoesNewestFirstThenById() {
        Instant t = Instant.parse("2026-11-25T10:15:00.123Z");
        List<String> sorted = Stream.of(
                        CustomerOrderIndex.position(t, "o-b"), CustomerOrderIndex.position(t.plusMillis(1), "o-z"),
                        CustomerOrderIndex.position(t, "o-a"), CustomerOrderIndex.position(t.minusSeconds(1), "o-a"),
                        CustomerOrderIndex.position(t, "o-a.1"))
                .sorted().toList();

        assertThat(sorted).containsExactly(CustomerOrderIndex.position(t.plusMillis(1), "o-z"),
                CustomerOrderIndex.position(t, "o-a"), CustomerOrderIndex.position(t, "o-a.1"),
                CustomerOrderIndex.position(t, "o-b"), CustomerOrderIndex.position(t.minusSeconds(1), "o-a"));
        assertThat(CustomerOrderIndex.position(t, "o-1")).isEqualTo((Long.MAX_VALUE - t.toEpochMilli()) + "/o-1")
                .matches("\\d{19}/o-1");
        assertThat(CustomerOrderIndex.position(Instant.EPOCH, "o-1")).isEqualTo(Long.MAX_VALUE + "/o-1");
        assertThat(CustomerOrderIndex.isPosition(CustomerOrderIndex.position(t, "o-1"))).isTrue();
        assertThat(CustomerOrderIndex.isPosition("123/o-1")).isFalse();
        assertThat(CustomerOrderIndex.isPosition(CustomerOrderIndex.position(t, "o 1"))).isFalse();
    }

    private static String position(Order order) {
        return CustomerOrderIndex.position(order.createdAt(), order.id());
    }

    @Test
    void theCustomerIndexIsRebuiltFromTheOrdersWhenEmpty() {
        input(Topics.ORDER_COMMANDS).pipeInput("o-1", (OrderCommand) place("o-1", "c-1", T0,
                new OrderLine("p-1", 2, BigDecimal.ONE)));
        KeyValueStore<String, String> index = driver.getKeyValueStore(OrdersTopology.CUSTOMER_ORDERS_STORE);
        KeyValueStore<String, OrderRecord> orders = driver.getKeyValueStore(OrdersTopology.ORDERS_STORE);
        index.delete(CustomerOrderIndex.key(orders.get("o-1").order()));

        CustomerOrderIndex rebuilt = new CustomerOrderIndex(index);
        assertThat(rebuilt.needsRebuild(orders)).isTrue();
        rebuilt.rebuild(orders);
        assertThat(rebuilt.needsRebuild(orders)).isFalse();

        assertThat(index.get(CustomerOrderIndex.key(orders.get("o-1").order()))).isEqualTo("o-1");
    }

    @Test
    void anOrderStoredByThePreviousLayoutIsReadWithWhatItsChecksPassed() {
        String before = "{\"order\":{\"id\":\"o-1\",\"customerId\":\"c-1\",\"items\":[{\"productId\":\"p-1\",\"quantity\":2,"
                + "\"unitPrice\":5.00}],\"total\":10.00,\"state\":\"CREATED\",\"rejections\":[],"
                + "\"createdAt\":\"2026-11-25T10:15:00Z\",\"updatedAt\":\"2026-11-25T10:15:00Z\",\"shipmentId\":null},"
                + "\"placedBy\":\"cmd-1\",\"passedChecks\":[\"payment\"]}";

        OrderRecord read = StateSerde.of(OrderRecord.class).deserialize("t", before.getBytes(StandardCharsets.UTF_8));

        assertThat(read.held()).isTrue();
        assertThat(read.reserved()).isEmpty();
        assertThat(read.placedBy()).isEqualTo("cmd-1");
    }

    /** Moves the driver's wall clock to {@code at}, which runs the deadline check once. */
    private void wallClockAt(Instant at) {
        Instant now = NOW.plus(elapsed);
        driver.advanceWallClockTime(Duration.between(now, at));
        elapsed = Duration.between(NOW, at);
    }

    private Duration elapsed = Duration.ZERO;

    private OrderRecord stored(String orderId) {
        return driver.<String, OrderRecord>getKeyValueStore(OrdersTopology.ORDERS_STORE).get(orderId);
    }

    private List<String> deadlineEntries() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, String> all = driver.<String, String>getKeyValueStore(
                OrdersTopology.ORDER_DEADLINES_STORE).all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        keys.remove(OrderDeadlines.COMPLETE);
        return keys;
    }

    private void placeTwoProducts(String orderId) {
        input(Topics.ORDER_COMMANDS).pipeInput(orderId, (OrderCommand) place(orderId, "c-1", T0,
                new OrderLine("p-1", 2, new BigDecimal("5.00")), new OrderLine("p-2", 1, new BigDecimal("1.50"))));
    }

    @Test
    void anOrderUndecidedAtItsTimeoutIsRejectedTimedOutAndWhatWasTakenIsReleased() {
        TestOutputTopic<String, OrderStateChanged> events = output(Topics.ORDERS);
        TestOutputTopic<String, StockRequest> stock = output(Topics.STOCK_REQUESTS);
        TestOutputTopic<String, PaymentRequest> payment = output(Topics.PAYMENT_REQUESTS);
        placeTwoProducts("o-1");
        input(Topics.ORDER_VALIDATIONS).pipeInput("o-1", OrderCheckCompleted.stock("o-1", "p-1", null, T0));
        input(Topics.ORDER_VALIDATIONS).pipeInput("o-1", OrderCheckCompleted.payment("o-1", null, T0));
        events.readValuesToList();
        stock.readValuesToList();
        payment.readValuesToList();
        assertThat(deadlineEntries()).as("one entry per open order, by creation time")
                .containsExactly(OrderDeadlines.key(stored("o-1").order()));

        wallClockAt(T0.plus(TIMEOUT).minusMillis(1));
        assertThat(stored("o-1").order().state()).as("a millisecond early").isEqualTo(OrderState.CREATED);
        assertThat(events.isEmpty()).isTrue();

        wallClockAt(T0.plus(TIMEOUT));
        OrderStateChanged rejected = events.readValue();
        assertThat(rejected.state()).isEqualTo(OrderState.REJECTED);
        assertThat(rejected.previousState()).isEqualTo(OrderState.CREATED);
        assertThat(rejected.order().rejections()).containsExactly(new Rejection(CheckType.ORDERS,
                RejectionReason.TIMED_OUT, "not decided within PT5M: no answer from stock for p-2"));
        assertThat(stock.readKeyValuesToList()).containsExactly(KeyValue.pair("p-1", new ReleaseStock("o-1", "p-1", 2)));
        assertThat(payment.readKeyValuesToList()).containsExactly(KeyValue.pair("c-1",
                new ReleasePayment("o-1", "c-1", new BigDecimal("11.50"))));
        assertThat(stored("o-1").order().state()).isEqualTo(OrderState.REJECTED);
        assertThat(deadlineEntries()).as("a final order leaves the index").isEmpty();
        assertThat(changed).as("long-polls woken").contains("o-1");
        assertThat(registry.get("orderflow.orders.reached").tag("state", "REJECTED").counter().count()).isEqualTo(1);

        wallClockAt(T0.plus(TIMEOUT).plusSeconds(10));
        assertThat(events.isEmpty()).as("rejected once").isTrue();
    }

    @Test
    void verdictsAfterTheTimeoutReleaseWhatTheyTookAndChangeNothing() {
        TestOutputTopic<String, OrderStateChanged> events = output(Topics.ORDERS);
        TestOutputTopic<String, StockRequest> stock = output(Topics.STOCK_REQUESTS);
        TestOutputTopic<String, PaymentRequest> payment = output(Topics.PAYMENT_REQUESTS);
        placeTwoProducts("o-1");
        wallClockAt(T0.plus(TIMEOUT));
        events.readValuesToList();
        stock.readValuesToList();
        payment.readValuesToList();
        OrderRecord timedOut = stored("o-1");

        input(Topics.ORDER_VALIDATIONS).pipeInput("o-1", OrderCheckCompleted.stock("o-1", "p-1", null, T0));
        input(Topics.ORDER_VALIDATIONS).pipeInput("o-1", OrderCheckCompleted.stock("o-1", "p-2",
                new Rejection(CheckType.STOCK, RejectionReason.INSUFFICIENT_STOCK, "p-2: wanted 1, available 0"), T0));
        input(Topics.ORDER_VALIDATIONS).pipeInput("o-1", OrderCheckCompleted.payment("o-1", null, T0));

        assertThat(stock.readKeyValuesToList()).containsExactly(KeyValue.pair("p-1", new ReleaseStock("o-1", "p-1", 2)));
        assertThat(payment.readKeyValuesToList()).containsExactly(KeyValue.pair("c-1",
                new ReleasePayment("o-1", "c-1", new BigDecimal("11.50"))));
        assertThat(events.isEmpty()).isTrue();
        assertThat(stored("o-1")).as("stored as the timeout left it").isEqualTo(timedOut);
    }

    @Test
    void aValidatedOrderNotShippedInTimeIsCountedOnceAndStaysValidated() {
        TestOutputTopic<String, OrderStateChanged> events = output(Topics.ORDERS);
        placeTwoProducts("o-1");
        input(Topics.ORDER_VALIDATIONS).pipeInput("o-1", OrderCheckCompleted.stock("o-1", "p-1", null, T0));
        input(Topics.ORDER_VALIDATIONS).pipeInput("o-1", OrderCheckCompleted.stock("o-1", "p-2", null, T0));
        input(Topics.ORDER_VALIDATIONS).pipeInput("o-1", OrderCheckCompleted.payment("o-1", null, T0));
        events.readValuesToList();

        wallClockAt(T0.plus(TIMEOUT));
        wallClockAt(T0.plus(TIMEOUT).plusSeconds(5));

        assertThat(registry.get("orderflow.orders.unshipped.overdue").counter().count()).isEqualTo(1);
        assertThat(stored("o-1").order().state()).isEqualTo(OrderState.VALIDATED);
        assertThat(events.isEmpty()).isTrue();
        assertThat(deadlineEntries()).as("reported once, then no longer looked at").isEmpty();

        input(Topics.SHIPMENTS).pipeInput("o-1", new ShipmentCreated("s-1", "o-1", "c-1", stored("o-1").order().items(), T0));
        assertThat(stored("o-1").order().state()).as("still ships").isEqualTo(OrderState.SHIPPED);
    }

    @Test
    void decidedOrdersLeaveTheIndexSoTheCheckReadsNone() {
        TestOutputTopic<String, OrderStateChanged> events = output(Topics.ORDERS);
        placeTwoProducts("o-1");
        placeTwoProducts("o-2");
        placeTwoProducts("o-3");
        assertThat(deadlineEntries()).hasSize(3);
        input(Topics.ORDER_VALIDATIONS).pipeInput("o-1", OrderCheckCompleted.payment("o-1",
                new Rejection(CheckType.PAYMENT, RejectionReason.INSUFFICIENT_FUNDS, "wanted 11.50, available 0.00"), T0));
        input(Topics.ORDER_COMMANDS).pipeInput("o-2", (OrderCommand) new CancelOrder("cmd-cancel", "o-2", T0));
        input(Topics.ORDER_VALIDATIONS).pipeInput("o-3", OrderCheckCompleted.stock("o-3", "p-1", null, T0));
        input(Topics.ORDER_VALIDATIONS).pipeInput("o-3", OrderCheckCompleted.stock("o-3", "p-2", null, T0));
        input(Topics.ORDER_VALIDATIONS).pipeInput("o-3", OrderCheckCompleted.payment("o-3", null, T0));
        input(Topics.SHIPMENTS).pipeInput("o-3", new ShipmentCreated("s-3", "o-3", "c-1", stored("o-3").order().items(), T0));
        assertThat(deadlineEntries()).as("rejected, cancelled, shipped: all final").isEmpty();
        events.readValuesToList();

        wallClockAt(T0.plus(TIMEOUT).plusSeconds(1));

        assertThat(events.isEmpty()).isTrue();
        assertThat(registry.get("orderflow.orders.unshipped.overdue").counter().count()).isZero();
    }

    @Test
    void aBacklogOfOverdueOrdersIsWorkedOffInBoundedBatches() {
        TestOutputTopic<String, OrderStateChanged> events = output(Topics.ORDERS);
        placeTwoProducts("o-first");
        // The rest written straight to the stores, as the processor would have: piping each costs a commit.
        KeyValueStore<String, OrderRecord> orders = driver.getKeyValueStore(OrdersTopology.ORDERS_STORE);
        OrderDeadlines deadlines = new OrderDeadlines(driver.getKeyValueStore(OrdersTopology.ORDER_DEADLINES_STORE));
        int backlog = OrderProcessor.MAX_DUE_PER_CHECK + 1;
        for (int i = 1; i < backlog; i++) {
            OrderRecord created = OrderLifecycle.place(null, place("o-" + i, "c-1", T0.plusMillis(i),
                    new OrderLine("p-1", 1, BigDecimal.ONE))).next();
            orders.put(created.order().id(), created);
            deadlines.add(created.order());
        }
        events.readValuesToList();

        wallClockAt(T0.plus(TIMEOUT).plusSeconds(1));
        List<OrderStateChanged> first = events.readValuesToList();
        wallClockAt(T0.plus(TIMEOUT).plusSeconds(2));
        List<OrderStateChanged> second = events.readValuesToList();

        assertThat(first).hasSize(OrderProcessor.MAX_DUE_PER_CHECK).allMatch(e -> e.state() == OrderState.REJECTED)
                .extracting(e -> e.order().id()).as("the oldest first").startsWith("o-first", "o-1", "o-2");
        assertThat(second).extracting(e -> e.order().id()).containsExactly("o-" + (backlog - 1));
        assertThat(deadlineEntries()).isEmpty();
    }

    @Test
    void openOrdersFromBeforeTheDeadlineIndexAreListedOnceThenTimedOut() {
        TestOutputTopic<String, OrderStateChanged> events = output(Topics.ORDERS);
        KeyValueStore<String, String> store = driver.getKeyValueStore(OrdersTopology.ORDER_DEADLINES_STORE);
        placeTwoProducts("o-open");
        assertThat(store.get(OrderDeadlines.COMPLETE)).as("a new task's index is complete from its first record")
                .isNotNull();
        placeTwoProducts("o-final");
        input(Topics.ORDER_COMMANDS).pipeInput("o-final", (OrderCommand) new CancelOrder("cmd-cancel", "o-final", T0));
        events.readValuesToList();
        // As the store was before this version: no entries, and not complete.
        store.delete(OrderDeadlines.key(stored("o-open").order()));
        store.delete(OrderDeadlines.COMPLETE);

        OrderDeadlines deadlines = new OrderDeadlines(store);
        assertThat(deadlines.needsBuild()).isTrue();
        deadlines.build(driver.getKeyValueStore(OrdersTopology.ORDERS_STORE));
        assertThat(deadlines.needsBuild()).isFalse();
        assertThat(deadlineEntries()).as("open orders only").containsExactly(OrderDeadlines.key(stored("o-open").order()));

        wallClockAt(T0.plus(TIMEOUT));
        assertThat(events.readValuesToList()).extracting(e -> e.order().id() + " " + e.state())
                .containsExactly("o-open REJECTED");
    }
}
