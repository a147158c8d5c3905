package io.orderflow.orders.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.OrderCommand;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.order.PlaceOrder;
import io.orderflow.events.streams.StreamsDefaults;
import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import io.orderflow.orders.domain.OrderRecord;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The orders topology on TopologyTestDriver: the pipelines wired right, fast. The flow itself is proven on a broker. */
class OrdersTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:15:00Z");

    private TopologyTestDriver driver;
    private final List<String> changed = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        new OrdersTopology(changed::add, new OrderMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), Duration.ofHours(24)).build(builder);
        Path dir = Files.createTempDirectory("orders-topology-test");
        Properties props = new Properties();
        props.putAll(new StreamsDefaults("orders-topology-test", "dummy:9092", dir, 1, 0, null).toProperties());
        driver = new TopologyTestDriver(builder.build(), props);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    private static PlaceOrder place(String orderId, String customerId, Instant at, OrderLine... lines) {
        return new PlaceOrder("cmd-" + orderId, orderId, customerId, List.of(lines), at);
    }

    @Test
    void placeThenBothChecksPublishesCreatedThenValidatedAndAnswersTheCommand() {
        TestOutputTopic<String, OrderStateChanged> events = output(Topics.ORDERS);
        TestOutputTopic<String, CommandResult> replies = output(Topics.ORDER_COMMAND_RESULTS);

        input(Topics.ORDER_COMMANDS).pipeInput("o-1", (OrderCommand) place("o-1", "c-1", T0, new OrderLine("p-1", 2, new BigDecimal("5.00"))));
        input(Topics.ORDER_VALIDATIONS).pipeInput("o-1", OrderCheckCompleted.passed("o-1", CheckType.STOCK, T0));
        input(Topics.ORDER_VALIDATIONS).pipeInput("o-1", OrderCheckCompleted.passed("o-1", CheckType.PAYMENT, T0));

        assertThat(events.readValuesToList()).extracting(OrderStateChanged::state)
                .containsExactly(OrderState.CREATED, OrderState.VALIDATED);
        KeyValue<String, CommandResult> reply = replies.readKeyValue();
        assertThat(reply.key).isEqualTo("cmd-o-1");
        assertThat(reply.value.status()).isEqualTo(CommandStatus.APPLIED);
        KeyValueStore<String, OrderRecord> store = driver.getKeyValueStore(OrdersTopology.ORDERS_STORE);
        assertThat(store.get("o-1").order().state()).isEqualTo(OrderState.VALIDATED);
        assertThat(changed).contains("o-1");
    }

    @Test
    void customerListAndHourlyAnalyticsFollowTheOrdersTopic() {
        TestInputTopic<String, OrderCommand> commands = input(Topics.ORDER_COMMANDS);
        commands.pipeInput("o-1", place("o-1", "c-1", T0, new OrderLine("p-1", 2, BigDecimal.ONE)));
        commands.pipeInput("o-2", place("o-2", "c-1", T0.minus(Duration.ofHours(1)), new OrderLine("p-1", 3, BigDecimal.ONE)));
        // The driver feeds what the topology writes to `orders` back into its `orders` source, as the broker would.

        commands.pipeInput("o-3", place("o-3", "c-10", T0, new OrderLine("p-2", 1, BigDecimal.ONE)));

        KeyValueStore<String, Order> customers = driver.getKeyValueStore(OrdersTopology.CUSTOMER_ORDERS_STORE);
        List<String> ofC1 = new ArrayList<>();
        try (KeyValueIterator<String, Order> it = customers.prefixScan(CustomerOrderIndex.prefix("c-1"),
                Serdes.String().serializer())) {
            it.forEachRemaining(kv -> ofC1.add(kv.value.id()));
        }
        assertThat(ofC1).as("c-1's orders only, not c-10's").containsExactlyInAnyOrder("o-1", "o-2");
        assertThat(customers.get(CustomerOrderIndex.key("c-10", "o-3")).state()).isEqualTo(OrderState.CREATED);

        WindowStore<String, ProductUnits> hourly = driver.getWindowStore(OrdersTopology.HOURLY_PRODUCT_STORE);
        List<Long> units = new ArrayList<>();
        try (WindowStoreIterator<ProductUnits> it = hourly.fetch("p-1", Instant.EPOCH, T0.plus(Duration.ofHours(1)))) {
            it.forEachRemaining(kv -> units.add(kv.value.units()));
        }
        assertThat(units).as("one window per hour of creation, the earlier hour first").containsExactly(3L, 2L);
    }
}
