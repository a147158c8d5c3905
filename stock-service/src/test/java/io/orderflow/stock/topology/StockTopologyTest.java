package io.orderflow.stock.topology;

import io.orderflow.service.config.OrderflowProperties;
import io.orderflow.service.config.StreamsSettings;
import io.orderflow.testsupport.streams.TopologyHarness;
import io.orderflow.events.topics.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.stock.DeductStock;
import io.orderflow.events.stock.ReleaseStock;
import io.orderflow.events.stock.ReserveStock;
import io.orderflow.events.stock.SetStock;
import io.orderflow.events.stock.StockCommand;
import io.orderflow.events.stock.StockRequest;
import io.orderflow.events.topics.Topics;
import io.orderflow.stock.domain.StockLevel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CachingKeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The stock topology on TopologyTestDriver, built as in production: requests and commands in, verdicts and answers out. */
class StockTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @AutoClose
    private final TopologyHarness harness = TopologyHarness.inFreshStateDir(
            dir -> StreamsSettings.of(OrderflowProperties.defaults("dummy:9092", dir), "stock-topology-test", null),
            builder -> new StockTopology(Clock.fixed(NOW, ZoneOffset.UTC)).build(builder));
    private final TestInputTopic<String, StockRequest> requests = harness.input(Topics.STOCK_REQUESTS);
    private final TestInputTopic<String, StockCommand> commands = harness.input(Topics.STOCK_COMMANDS);
    private final TestOutputTopic<String, OrderCheckCompleted> verdicts = harness.output(Topics.ORDER_VALIDATIONS);
    private final TestOutputTopic<String, CommandResult> replies = harness.output(Topics.STOCK_COMMAND_RESULTS);
    private final KeyValueStore<String, StockLevel> stock = harness.store(StockTopology.STOCK_STORE);

    private CommandResult setStock(String productId, long quantity) {
        commands.pipeInput(productId, new SetStock("cmd-" + productId + "-" + quantity, productId, quantity));
        KeyValue<String, CommandResult> reply = replies.readKeyValue();
        assertThat(reply.key).isEqualTo(reply.value.commandId());
        return reply.value;
    }

    /** Written as orders-service writes it: keyed by the product. */
    private void send(StockRequest request) {
        requests.pipeInput(request.productId(), request);
    }

    private KeyValue<String, OrderCheckCompleted> reserve(String orderId, String productId, int quantity) {
        send(new ReserveStock(orderId, productId, quantity));
        KeyValue<String, OrderCheckCompleted> verdict = verdicts.readKeyValue();
        assertThat(verdicts.isEmpty()).as("one verdict per reservation").isTrue();
        return verdict;
    }

    private static Rejection stock(RejectionReason reason, String detail) {
        return new Rejection(CheckType.STOCK, reason, detail);
    }

    @Test
    void aReservationWithEnoughStockPassesTheProductWithAVerdictKeyedByTheOrder() {
        setStock("p-1", 10);

        KeyValue<String, OrderCheckCompleted> verdict = reserve("o-1", "p-1", 2);

        assertThat(verdict.key).isEqualTo("o-1");
        assertThat(verdict.value).isEqualTo(OrderCheckCompleted.stock("o-1", "p-1", null, NOW));
        assertThat(stock.get("p-1")).isEqualTo(new StockLevel("p-1", 10, 2));
    }

    @Test
    void aReservationOfMoreThanIsAvailableFailsWithTheUnitsInTheDetail() {
        setStock("p-1", 3);
        reserve("o-0", "p-1", 2);

        KeyValue<String, OrderCheckCompleted> verdict = reserve("o-1", "p-1", 2);

        assertThat(verdict.key).isEqualTo("o-1");
        assertThat(verdict.value).isEqualTo(OrderCheckCompleted.stock("o-1", "p-1",
                stock(RejectionReason.INSUFFICIENT_STOCK, "p-1: wanted 2, available 1"), NOW));
        assertThat(stock.get("p-1")).as("nothing taken").isEqualTo(new StockLevel("p-1", 3, 2));
    }

    @Test
    void aReservationOfAnUnknownProductFails() {
        KeyValue<String, OrderCheckCompleted> verdict = reserve("o-1", "p-9", 1);

        assertThat(verdict.key).isEqualTo("o-1");
        assertThat(verdict.value).isEqualTo(OrderCheckCompleted.stock("o-1", "p-9",
                stock(RejectionReason.UNKNOWN_PRODUCT, "p-9: unknown product"), NOW));
        assertThat(stock.get("p-9")).as("not created").isNull();
    }

    @Test
    void eachProductOfAnOrderIsAnsweredOnItsOwn() {
        setStock("p-1", 10);
        setStock("p-2", 1);

        assertThat(reserve("o-1", "p-1", 2).value.passed()).isTrue();
        assertThat(reserve("o-1", "p-2", 2).value).isEqualTo(OrderCheckCompleted.stock("o-1", "p-2",
                stock(RejectionReason.INSUFFICIENT_STOCK, "p-2: wanted 2, available 1"), NOW));
        assertThat(stock.get("p-1").reserved()).as("orders-service releases it when it rejects the order").isEqualTo(2);
    }

    @Test
    void aReleaseGivesTheUnitsBackWithoutAnAnswer() {
        setStock("p-1", 10);
        reserve("o-1", "p-1", 4);
        reserve("o-2", "p-1", 3);

        send(new ReleaseStock("o-1", "p-1", 4));

        assertThat(stock.get("p-1")).isEqualTo(new StockLevel("p-1", 10, 3));
        assertThat(verdicts.isEmpty()).isTrue();
    }

    @Test
    void aDeductTakesTheUnitsOffTheShelfAndOffTheReservedOnes() {
        setStock("p-1", 10);
        reserve("o-1", "p-1", 3);
        reserve("o-2", "p-1", 1);

        send(new DeductStock("o-1", "p-1", 3));

        StockLevel level = stock.get("p-1");
        assertThat(level).isEqualTo(new StockLevel("p-1", 7, 1));
        assertThat(level.available()).isEqualTo(6);
        assertThat(verdicts.isEmpty()).isTrue();
    }

    /**
     * TopologyTestDriver commits after every record, so the cache never gets to fold a commit's changes into
     * one changelog record here; that it is there is pinned by {@link #theStockStoreIsCached}. This shows the
     * hot product decided one order at a time: exactly the units on hand pass, in order, then every other fails.
     */
    @Test
    void aHotProductTakesExactlyItsUnitsAcrossManyOrders() {
        setStock("p-hot", 30);

        List<KeyValue<String, OrderCheckCompleted>> answers = new ArrayList<>();
        IntStream.range(0, 50).forEach(i -> answers.add(reserve("o-" + i, "p-hot", 1)));

        assertThat(answers).extracting(a -> a.key).containsExactlyElementsOf(
                IntStream.range(0, 50).mapToObj(i -> "o-" + i).toList());
        assertThat(answers.subList(0, 30)).allSatisfy(a -> assertThat(a.value.passed()).isTrue());
        assertThat(answers.subList(30, 50)).allSatisfy(a -> assertThat(a.value.rejections()).containsExactly(
                stock(RejectionReason.INSUFFICIENT_STOCK, "p-hot: wanted 1, available 0")));
        assertThat(stock.get("p-hot")).isEqualTo(new StockLevel("p-hot", 30, 30));
    }

    /** Without the cache every reservation of a hot product would be its own changelog record. */
    @Test
    void theStockStoreIsCached() {
        List<Class<?>> layers = new ArrayList<>();
        for (StateStore store = harness.driver().getAllStateStores().get(StockTopology.STOCK_STORE); store != null;
                store = store instanceof WrappedStateStore<?, ?, ?> wrapped ? wrapped.wrapped() : null) {
            layers.add(store.getClass());
        }

        assertThat(layers).as("store layers").contains(CachingKeyValueStore.class);
    }

    @Test
    void settingStockBelowTheReservedUnitsIsRefused() {
        setStock("p-1", 10);
        reserve("o-1", "p-1", 5);

        CommandResult refused = setStock("p-1", 4);
        CommandResult accepted = setStock("p-1", 5);

        assertThat(refused.status()).isEqualTo(CommandStatus.CONFLICT);
        assertThat(refused.detail()).isEqualTo("p-1: 5 units are reserved");
        assertThat(accepted.status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(stock.get("p-1")).isEqualTo(new StockLevel("p-1", 5, 5));
    }

    /** In production the dead-letter handler keeps the record and the app goes on; here the driver rethrows. */
    @Test
    void releasingMoreThanIsReservedFailsTheRecordAndChangesNothing() {
        setStock("p-1", 10);
        reserve("o-1", "p-1", 2);

        assertThatThrownBy(() -> send(new ReleaseStock("o-1", "p-1", 3)))
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("p-1: cannot release 3 units for order o-1: only 2 reserved");
        assertThat(stock.get("p-1")).isEqualTo(new StockLevel("p-1", 10, 2));
    }

    @Test
    void aRequestKeyedByAnotherProductIsDeadLetteredAndChangesNothing() {
        setStock("p-1", 10);
        setStock("p-2", 10);

        requests.pipeInput("p-2", new ReserveStock("o-1", "p-1", 1));

        assertThat(harness.deadLetters())
                .extracting(r -> new String(r.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .containsExactly("ReserveStock for productId p-1 keyed by p-2");
        assertThat(verdicts.isEmpty()).isTrue();
        assertThat(stock.get("p-1").reserved()).isZero();
        assertThat(stock.get("p-2").reserved()).isZero();
    }

    @Test
    void theTopologyIsOneSubTopologyWithoutRepartitionTopics() throws Exception {
        TopologyDescription description = harness.describe();

        assertThat(description.subtopologies()).hasSize(1);
        TopologyDescription.Subtopology only = description.subtopologies().iterator().next();
        assertThat(only.nodes()).filteredOn(TopologyDescription.Source.class::isInstance)
                .flatExtracting(node -> ((TopologyDescription.Source) node).topicSet())
                .containsExactlyInAnyOrder(Topics.STOCK_REQUESTS.name(), Topics.STOCK_COMMANDS.name());
        assertThat(only.nodes()).filteredOn(TopologyDescription.Sink.class::isInstance)
                .extracting(node -> ((TopologyDescription.Sink) node).topic())
                .filteredOn(Objects::nonNull)
                .containsExactlyInAnyOrder(Topics.ORDER_VALIDATIONS.name(), Topics.STOCK_COMMAND_RESULTS.name());
        // Unreadable inputs go to the dead-letter topic, named by the application id at run time.
        assertThat(only.nodes()).extracting(TopologyDescription.Node::name).contains(
                "dead-letters-from-" + Topics.STOCK_REQUESTS.name(), "dead-letters-from-" + Topics.STOCK_COMMANDS.name());
        assertThat(description.toString()).doesNotContain("repartition")
                .contains("stock-ledger", StockTopology.STOCK_STORE);
    }
}
