package io.orderflow.stock.topology;

import static io.orderflow.stock.OrderEvents.created;
import static io.orderflow.stock.OrderEvents.line;
import static io.orderflow.stock.OrderEvents.moved;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.stock.SetStock;
import io.orderflow.events.stock.StockCommand;
import io.orderflow.events.streams.StreamsDefaults;
import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import io.orderflow.stock.domain.OrderCheck;
import io.orderflow.stock.domain.StockLevel;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stock topology on TopologyTestDriver: both repartition hops, the ledger and the order checks wired right. */
class StockTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, OrderStateChanged> orders;
    private TestInputTopic<String, StockCommand> commands;
    private TestOutputTopic<String, OrderCheckCompleted> checks;
    private TestOutputTopic<String, CommandResult> replies;
    private KeyValueStore<String, StockLevel> stock;

    @BeforeEach
    void start() throws Exception {
        Properties props = new Properties();
        props.putAll(new StreamsDefaults("stock-topology-test", "dummy:9092",
                Files.createTempDirectory("stock-topology-test"), 1, 0, null).toProperties());
        // Built with the production config, so an unnamed store or repartition topic fails here as at start-up.
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
        new StockTopology(Clock.fixed(NOW, ZoneOffset.UTC)).build(builder);
        driver = new TopologyTestDriver(builder.build(), props);
        orders = input(Topics.ORDERS);
        commands = input(Topics.STOCK_COMMANDS);
        checks = output(Topics.ORDER_VALIDATIONS);
        replies = output(Topics.STOCK_COMMAND_RESULTS);
        stock = driver.getKeyValueStore(StockTopology.STOCK_STORE);
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

    private CommandResult setStock(String productId, long quantity) {
        commands.pipeInput(productId, new SetStock("cmd-" + productId + "-" + quantity, productId, quantity));
        var reply = replies.readKeyValue();
        assertThat(reply.key).isEqualTo(reply.value.commandId());
        return reply.value;
    }

    private void send(OrderStateChanged event) {
        orders.pipeInput(event.order().id(), event);
    }

    private long reserved(String productId) {
        return stock.get(productId).reserved();
    }

    @Test
    void anOrderWhoseLinesAreAllReservedPassesTheStockCheck() {
        setStock("p-1", 10);
        setStock("p-2", 5);

        send(created("o-1", line("p-1", 2), line("p-2", 1)));

        var verdict = checks.readKeyValue();
        assertThat(verdict.key).isEqualTo("o-1");
        assertThat(verdict.value).isEqualTo(OrderCheckCompleted.passed("o-1", CheckType.STOCK, NOW));
        assertThat(checks.isEmpty()).as("one verdict per order").isTrue();
        assertThat(reserved("p-1")).isEqualTo(2);
        assertThat(reserved("p-2")).isEqualTo(1);
        KeyValueStore<String, OrderCheck> open = driver.getKeyValueStore(StockTopology.ORDER_CHECKS_STORE);
        assertThat(open.get("o-1")).as("a decided order is forgotten").isNull();
    }

    @Test
    void aShortLineFailsTheCheckAndTheRejectionReleasesEveryLine() {
        setStock("p-1", 10);
        setStock("p-2", 1);
        OrderStateChanged created = created("o-2", line("p-1", 2), line("p-2", 2));

        send(created);

        OrderCheckCompleted verdict = checks.readValue();
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.rejections()).containsExactly(
                new Rejection(CheckType.STOCK, RejectionReason.INSUFFICIENT_STOCK, "p-2: wanted 2, available 1"));
        assertThat(reserved("p-1")).as("held until orders-service rejects the order").isEqualTo(2);

        send(moved(created, OrderState.REJECTED));

        assertThat(reserved("p-1")).isZero();
        assertThat(reserved("p-2")).isZero();
        assertThat(stock.get("p-1").available()).isEqualTo(10);
    }

    @Test
    void anUnknownProductFailsTheCheckWithItsReason() {
        setStock("p-1", 10);

        send(created("o-3", line("p-1", 1), line("p-9", 1)));

        assertThat(checks.readValue().rejections()).containsExactly(
                new Rejection(CheckType.STOCK, RejectionReason.UNKNOWN_PRODUCT, "p-9: unknown product"));
        assertThat(stock.get("p-9")).isNull();
    }

    @Test
    void aRedeliveredCreatedEventReservesOnce() {
        setStock("p-1", 3);
        OrderStateChanged created = created("o-4", line("p-1", 2));

        send(created);
        send(created);

        List<OrderCheckCompleted> verdicts = checks.readValuesToList();
        assertThat(verdicts).extracting(OrderCheckCompleted::passed).containsOnly(true);
        assertThat(reserved("p-1")).isEqualTo(2);
    }

    @Test
    void aShippedOrderTakesItsUnitsOffTheShelfOnce() {
        setStock("p-1", 10);
        OrderStateChanged created = created("o-5", line("p-1", 3));
        OrderStateChanged shipped = moved(moved(created, OrderState.VALIDATED), OrderState.SHIPPED);

        send(created);
        send(moved(created, OrderState.VALIDATED));
        send(shipped);
        send(shipped);

        StockLevel level = stock.get("p-1");
        assertThat(level.onHand()).isEqualTo(7);
        assertThat(level.reserved()).isZero();
        assertThat(level.available()).isEqualTo(7);
    }

    @Test
    void aCancelledOrderGivesItsUnitsBack() {
        setStock("p-1", 4);
        OrderStateChanged created = created("o-6", line("p-1", 4));
        send(created);
        send(moved(created, OrderState.VALIDATED));

        send(moved(moved(created, OrderState.VALIDATED), OrderState.CANCELLED));

        assertThat(stock.get("p-1").available()).isEqualTo(4);
    }

    @Test
    void settingStockBelowTheReservedUnitsIsRefused() {
        setStock("p-1", 10);
        send(created("o-7", line("p-1", 5)));

        CommandResult refused = setStock("p-1", 4);
        CommandResult accepted = setStock("p-1", 5);

        assertThat(refused.status()).isEqualTo(CommandStatus.CONFLICT);
        assertThat(refused.detail()).isEqualTo("p-1: 5 units are reserved");
        assertThat(accepted.status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(stock.get("p-1")).isEqualTo(new StockLevel("p-1", 5, java.util.Map.of("o-7", 5L)));
    }

    @Test
    void everyInternalTopicAndStoreHasTheNameGivenInCode() {
        StreamsBuilder builder = new StreamsBuilder();
        new StockTopology(Clock.systemUTC()).build(builder);
        String description = builder.build().describe().toString();

        assertThat(description).contains(
                StockTopology.LINES_BY_PRODUCT + "-repartition",
                StockTopology.LINE_RESULTS_BY_ORDER + "-repartition",
                StockTopology.STOCK_STORE, StockTopology.ORDER_CHECKS_STORE,
                "stock-ledger", "order-checks");
    }
}
