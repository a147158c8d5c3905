package io.orderflow.orders.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.command.Idempotency;
import io.orderflow.events.order.CancelOrder;
import io.orderflow.events.order.OrderCommand;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.order.PlaceOrder;
import io.orderflow.events.order.PlaceOrderViaKey;
import io.orderflow.events.payment.PaymentRequest;
import io.orderflow.events.topics.Topics;
import io.orderflow.orders.domain.OrderRecord;
import io.orderflow.service.config.OrderflowProperties;
import io.orderflow.service.config.StreamsSettings;
import io.orderflow.service.idempotency.RememberedAnswer;
import io.orderflow.service.idempotency.RememberedAnswers;
import io.orderflow.testsupport.streams.TopologyHarness;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Keyed commands in the orders topology: repeats answered from the idempotency store, a keyed request naming its
 * own id checked under its key and passed on. One partition here, so both hops run in one task; the broker test
 * (OrdersApiIT) has them in different partitions too.
 */
class KeyedOrdersTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:15:00Z");
    private static final OrderLine LINE = new OrderLine("p-1", 2, new BigDecimal("5.00"));

    @AutoClose
    private final TopologyHarness harness = TopologyHarness.inFreshStateDir(
            dir -> StreamsSettings.of(OrderflowProperties.defaults("dummy:9092", dir), "keyed-orders-test", null),
            builder -> new OrdersTopology(id -> { }, new OrderMetrics(new SimpleMeterRegistry()), Duration.ofHours(24),
                    Duration.ofMinutes(5), Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC)).build(builder));
    private final TestInputTopic<String, OrderCommand> commands = harness.input(Topics.ORDER_COMMANDS);
    private final TestOutputTopic<String, CommandResult> replies = harness.output(Topics.ORDER_COMMAND_RESULTS);
    private final TestOutputTopic<String, OrderStateChanged> events = harness.output(Topics.ORDERS);
    private final TestOutputTopic<String, PaymentRequest> payments = harness.output(Topics.PAYMENT_REQUESTS);

    private static Idempotency key(String key, String fingerprint) {
        return new Idempotency("anonymous POST /orders", key, fingerprint);
    }

    /** As the REST edge sends it: under the order id, or via the key when the order id is not the key's. */
    private void send(PlaceOrder command, Duration after) {
        OrderCommand sent = command.idempotency().derivedId().equals(command.orderId()) ? command
                : new PlaceOrderViaKey(command);
        String under = sent instanceof PlaceOrderViaKey via ? via.routingKey() : command.orderId();
        commands.pipeInput(under, sent, T0.plus(after));
    }

    private static PlaceOrder place(String commandId, String orderId, Idempotency key, OrderLine line) {
        return new PlaceOrder(commandId, orderId, "c-1", List.of(line), T0, key);
    }

    @Test
    void aRepeatedKeyedOrderWithoutIdIsAnsweredAsTheFirstAndCreatedOnce() {
        Idempotency key = key("k-1", "f-1");
        String orderId = key.derivedId();

        send(place("cmd-1", orderId, key, LINE), Duration.ZERO);
        send(place("cmd-2", orderId, key, LINE), Duration.ofMinutes(1));

        assertThat(replies.readValuesToList()).containsExactly(CommandResult.applied("cmd-1", orderId),
                new CommandResult("cmd-2", orderId, CommandStatus.APPLIED, "", true));
        assertThat(events.readValuesToList()).extracting(OrderStateChanged::state).containsExactly(OrderState.CREATED);
        assertThat(payments.readValuesToList()).as("one hold").hasSize(1);
    }

    @Test
    void aKeyReusedForAnotherOrderIsRefusedWhateverOrderItNames() {
        Idempotency first = key("k-1", "f-1");
        send(place("cmd-1", first.derivedId(), first, LINE), Duration.ZERO);
        events.readValuesToList();

        Idempotency other = key("k-1", "f-2");
        send(place("cmd-2", "o-explicit", other, LINE), Duration.ofMinutes(1));
        send(place("cmd-3", other.derivedId(), other, new OrderLine("p-1", 3, BigDecimal.ONE)), Duration.ofMinutes(2));

        assertThat(replies.readValuesToList()).extracting(CommandResult::commandId, CommandResult::status).containsExactly(
                tuple("cmd-1", CommandStatus.APPLIED), tuple("cmd-2", CommandStatus.KEY_REUSED),
                tuple("cmd-3", CommandStatus.KEY_REUSED));
        assertThat(events.isEmpty()).as("no second order").isTrue();
        assertThat(harness.<String, OrderRecord>store(OrdersTopology.ORDERS_STORE).get("o-explicit")).isNull();
    }

    @Test
    void aKeyedOrderNamingItsOwnIdIsCheckedUnderItsKeyThenAppliedUnderItsId() {
        Idempotency key = key("k-1", "f-1");

        send(place("cmd-1", "o-1", key, LINE), Duration.ZERO);
        send(place("cmd-2", "o-1", key, LINE), Duration.ofMinutes(1));

        assertThat(replies.readValuesToList()).containsExactly(CommandResult.applied("cmd-1", "o-1"),
                new CommandResult("cmd-2", "o-1", CommandStatus.APPLIED, "", true));
        assertThat(events.readKeyValuesToList()).extracting(kv -> kv.key, kv -> kv.value.state())
                .containsExactly(tuple("o-1", OrderState.CREATED));
        KeyValueStore<String, OrderRecord> orders = harness.store(OrdersTopology.ORDERS_STORE);
        assertThat(orders.get("o-1").placedBy()).isEqualTo("cmd-1");
        assertThat(orders.get(key.derivedId())).as("the key's partition only checked it").isNull();
    }

    @Test
    void aKeyedOrderNamingAnExistingOrderGetsTheExistingAnswerAndKeepsIt() {
        commands.pipeInput("o-1", new PlaceOrder("cmd-0", "o-1", "c-1", List.of(LINE), T0), T0);
        Idempotency key = key("k-1", "f-1");

        send(place("cmd-1", "o-1", key, new OrderLine("p-1", 9, BigDecimal.ONE)), Duration.ZERO);
        send(place("cmd-2", "o-1", key, new OrderLine("p-1", 9, BigDecimal.ONE)), Duration.ofMinutes(1));

        assertThat(replies.readValuesToList()).extracting(CommandResult::status, CommandResult::replayed).containsExactly(
                tuple(CommandStatus.APPLIED, false), tuple(CommandStatus.CONFLICT, false),
                tuple(CommandStatus.CONFLICT, true));
    }

    @Test
    void aRepeatedKeyedCancelIsAnsweredAsTheFirst() {
        commands.pipeInput("o-1", new PlaceOrder("cmd-0", "o-1", "c-1", List.of(LINE), T0), T0);
        Idempotency key = new Idempotency("anonymous POST /orders/o-1/cancel", "k-1", "f-cancel");

        commands.pipeInput("o-1", new CancelOrder("cmd-1", "o-1", T0, key), T0.plusSeconds(1));
        commands.pipeInput("o-1", new CancelOrder("cmd-2", "o-1", T0, key), T0.plusSeconds(2));

        assertThat(replies.readValuesToList()).extracting(CommandResult::status, CommandResult::replayed).containsExactly(
                tuple(CommandStatus.APPLIED, false), tuple(CommandStatus.APPLIED, false),
                tuple(CommandStatus.APPLIED, true));
        assertThat(events.readValuesToList()).extracting(OrderStateChanged::state)
                .containsExactly(OrderState.CREATED, OrderState.CANCELLED);
    }

    @Test
    void ordersWithoutAKeyLeaveTheIdempotencyStoreAlone() {
        commands.pipeInput("o-1", new PlaceOrder("cmd-0", "o-1", "c-1", List.of(LINE), T0), T0);
        commands.pipeInput("o-1", new CancelOrder("cmd-1", "o-1", T0), T0);

        WindowStore<String, RememberedAnswer> answers = harness.driver().getWindowStore(RememberedAnswers.STORE);
        try (var all = answers.all()) {
            assertThat(all.hasNext()).isFalse();
        }
    }
}
