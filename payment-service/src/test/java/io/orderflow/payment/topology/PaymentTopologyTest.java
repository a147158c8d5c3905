package io.orderflow.payment.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.payment.AccountCommand;
import io.orderflow.events.payment.SetBalance;
import io.orderflow.events.streams.StreamsDefaults;
import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import io.orderflow.payment.domain.Account;
import io.orderflow.payment.domain.FraudPolicy;
import io.orderflow.payment.domain.PaymentRules;
import io.orderflow.payment.domain.RecentOrder;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The payment topology on TopologyTestDriver: from order events and account commands to verdicts, answers and stores. */
class PaymentTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:30:00Z");
    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path dataDir;

    private Topology topology;
    private TopologyTestDriver driver;
    private TestInputTopic<String, OrderStateChanged> orders;
    private TestInputTopic<String, AccountCommand> commands;
    private TestOutputTopic<String, OrderCheckCompleted> verdicts;
    private TestOutputTopic<String, CommandResult> replies;
    private KeyValueStore<String, Account> accounts;
    private KeyValueStore<String, RecentOrder> recentOrders;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        new PaymentTopology(new PaymentRules(new FraudPolicy(new BigDecimal("1000.00"))),
                Clock.fixed(NOW, ZoneOffset.UTC)).build(builder);
        Properties props = new Properties();
        // The production settings, so unnamed stores or repartition topics fail here as they would at start-up.
        props.putAll(new StreamsDefaults("payment-service", "unused:9092", dataDir, 1, 0, null).toProperties());
        topology = builder.build(props);
        driver = new TopologyTestDriver(topology, props);
        orders = input(Topics.ORDERS);
        commands = input(Topics.ACCOUNT_COMMANDS);
        verdicts = output(Topics.ORDER_VALIDATIONS);
        replies = output(Topics.ACCOUNT_COMMAND_RESULTS);
        accounts = driver.getKeyValueStore(PaymentTopology.ACCOUNTS_STORE);
        recentOrders = driver.getKeyValueStore(PaymentTopology.RECENT_ORDERS_STORE);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void ordersRekeyedByCustomerAndAccountCommandsMeetInOneSubTopologyWithBothStores() {
        TopologyDescription.Subtopology payments = topology.describe().subtopologies().stream()
                .filter(sub -> sub.nodes().stream().anyMatch(node -> node.name().equals("payments")))
                .findFirst().orElseThrow();

        Set<String> sources = payments.nodes().stream()
                .filter(TopologyDescription.Source.class::isInstance)
                .flatMap(node -> ((TopologyDescription.Source) node).topicSet().stream())
                .collect(Collectors.toSet());
        assertThat(sources).containsExactlyInAnyOrder(Topics.ACCOUNT_COMMANDS.name(),
                PaymentTopology.ORDERS_BY_CUSTOMER + "-repartition");
        TopologyDescription.Processor processor = payments.nodes().stream()
                .filter(node -> node.name().equals("payments"))
                .map(TopologyDescription.Processor.class::cast).findFirst().orElseThrow();
        assertThat(processor.stores()).containsExactlyInAnyOrder(PaymentTopology.ACCOUNTS_STORE,
                PaymentTopology.RECENT_ORDERS_STORE);
    }

    @Test
    void settingABalanceOpensTheAccountAndAnswersByCommandId() {
        commands.pipeInput("c-1", new SetBalance("cmd-1", "c-1", new BigDecimal("500")));

        KeyValue<String, CommandResult> reply = replies.readKeyValue();
        assertThat(reply.key).isEqualTo("cmd-1");
        assertThat(reply.value.status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(reply.value.entityId()).isEqualTo("c-1");
        assertThat(accounts.get("c-1").balance()).isEqualTo("500.00");
        assertThat(verdicts.isEmpty()).isTrue();
    }

    @Test
    void aBalanceCommandKeyedByAnotherCustomerIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> commands.pipeInput("c-2", new SetBalance("cmd-x", "c-1", new BigDecimal("5"))))
                .hasStackTraceContaining("keyed by c-2");

        assertThat(accounts.get("c-1")).isNull();
        assertThat(accounts.get("c-2")).isNull();
    }

    @Test
    void aCreatedOrderIsHeldAndPassesWithAVerdictKeyedByOrderId() {
        balance("c-1", "100.00");

        orders.pipeInput("o-1", created("o-1", "c-1", "60.00", NOON));

        KeyValue<String, OrderCheckCompleted> verdict = verdicts.readKeyValue();
        assertThat(verdict.key).isEqualTo("o-1");
        assertThat(verdict.value.check()).isEqualTo(CheckType.PAYMENT);
        assertThat(verdict.value.passed()).isTrue();
        assertThat(verdict.value.checkedAt()).isEqualTo(NOW);
        assertThat(accounts.get("c-1").holdOf("o-1")).contains(new BigDecimal("60.00"));
        assertThat(recentOf("c-1")).extracting(RecentOrder::orderId).containsExactly("o-1");
    }

    @Test
    void unknownCustomersAndShortFundsFail() {
        balance("c-1", "50.00");

        orders.pipeInput("o-1", created("o-1", "c-1", "60.00", NOON));
        orders.pipeInput("o-2", created("o-2", "c-unknown", "1.00", NOON));

        List<KeyValue<String, OrderCheckCompleted>> out = verdicts.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key).containsExactly("o-1", "o-2");
        assertThat(out.get(0).value.rejections().get(0).reason()).isEqualTo(RejectionReason.INSUFFICIENT_FUNDS);
        assertThat(out.get(0).value.rejections().get(0).detail()).isEqualTo("wanted 60.00, available 50.00");
        assertThat(out.get(1).value.rejections().get(0).reason()).isEqualTo(RejectionReason.UNKNOWN_CUSTOMER);
        assertThat(accounts.get("c-1").held()).isEqualTo("0.00");
        assertThat(accounts.get("c-unknown")).isNull();
        assertThat(recentOf("c-unknown")).hasSize(1);
    }

    @Test
    void ordersOfOneCustomerHoldOnlyWhatTheBalanceCovers() {
        balance("c-1", "100.00");

        for (int i = 0; i < 10; i++) {
            orders.pipeInput("o-" + i, created("o-" + i, "c-1", "20.00", NOON.plusSeconds(i)));
        }

        assertThat(verdicts.readValuesToList()).filteredOn(OrderCheckCompleted::passed).hasSize(5);
        assertThat(accounts.get("c-1").available()).isEqualTo("0.00");
    }

    @Test
    void rejectionOrCancellationReleasesTheHold() {
        balance("c-1", "100.00");
        orders.pipeInput("o-1", created("o-1", "c-1", "60.00", NOON));
        orders.pipeInput("o-2", created("o-2", "c-1", "30.00", NOON));

        orders.pipeInput("o-1", changed("o-1", "c-1", "60.00", OrderState.REJECTED, OrderState.CREATED));
        orders.pipeInput("o-2", changed("o-2", "c-1", "30.00", OrderState.CANCELLED, OrderState.VALIDATED));

        assertThat(accounts.get("c-1").held()).isEqualTo("0.00");
        assertThat(accounts.get("c-1").available()).isEqualTo("100.00");
    }

    @Test
    void shippingCapturesTheHoldOnceEvenWhenTheEventComesTwice() {
        balance("c-1", "100.00");
        orders.pipeInput("o-1", created("o-1", "c-1", "60.00", NOON));
        orders.pipeInput("o-1", changed("o-1", "c-1", "60.00", OrderState.VALIDATED, OrderState.CREATED));

        orders.pipeInput("o-1", changed("o-1", "c-1", "60.00", OrderState.SHIPPED, OrderState.VALIDATED));
        orders.pipeInput("o-1", changed("o-1", "c-1", "60.00", OrderState.SHIPPED, OrderState.VALIDATED));

        Account account = accounts.get("c-1");
        assertThat(account.balance()).isEqualTo("40.00");
        assertThat(account.held()).isEqualTo("0.00");
        assertThat(verdicts.readValuesToList()).as("only the creation gets a verdict").hasSize(1);
    }

    @Test
    void aRedeliveredCreationPassesAgainWithoutASecondHold() {
        balance("c-1", "100.00");

        orders.pipeInput("o-1", created("o-1", "c-1", "60.00", NOON));
        orders.pipeInput("o-1", created("o-1", "c-1", "60.00", NOON));

        assertThat(verdicts.readValuesToList()).extracting(OrderCheckCompleted::passed).containsExactly(true, true);
        assertThat(accounts.get("c-1").held()).isEqualTo("60.00");
    }

    @Test
    void aBalanceBelowWhatIsHeldIsRefused() {
        balance("c-1", "100.00");
        orders.pipeInput("o-1", created("o-1", "c-1", "60.00", NOON));

        commands.pipeInput("c-1", new SetBalance("cmd-low", "c-1", new BigDecimal("59.99")));

        CommandResult reply = replies.readValue();
        assertThat(reply.status()).isEqualTo(CommandStatus.CONFLICT);
        assertThat(reply.detail()).contains("60.00 is held");
        assertThat(accounts.get("c-1").balance()).isEqualTo("100.00");
    }

    @Test
    void theFraudCheckTripsOverTheHourlyLimitAndNotAtIt() {
        balance("c-1", "5000.00");

        orders.pipeInput("o-1", created("o-1", "c-1", "600.00", NOON));
        orders.pipeInput("o-2", created("o-2", "c-1", "400.00", NOON.plusSeconds(60)));
        orders.pipeInput("o-3", created("o-3", "c-1", "0.01", NOON.plusSeconds(120)));

        List<OrderCheckCompleted> out = verdicts.readValuesToList();
        assertThat(out).extracting(OrderCheckCompleted::passed).containsExactly(true, true, false);
        assertThat(out.get(2).rejections().get(0).reason()).isEqualTo(RejectionReason.FRAUD_SUSPECTED);
        assertThat(accounts.get("c-1").held()).isEqualTo("1000.00");
    }

    @Test
    void theWindowSpansOneEntryPerOrderAndOrdersOlderThanAnHourAreForgotten() {
        balance("c-1", "5000.00");
        balance("c-10", "5000.00");

        orders.pipeInput("o-old", created("o-old", "c-1", "900.00", NOON.minus(Duration.ofHours(2))));
        orders.pipeInput("o-other", created("o-other", "c-10", "900.00", NOON));
        orders.pipeInput("o-1", created("o-1", "c-1", "500.00", NOON.minusSeconds(3599)));
        orders.pipeInput("o-2", created("o-2", "c-1", "500.00", NOON));
        orders.pipeInput("o-3", created("o-3", "c-1", "0.01", NOON.plusMillis(500)));

        List<OrderCheckCompleted> out = verdicts.readValuesToList();
        assertThat(out).extracting(OrderCheckCompleted::orderId).containsExactly("o-old", "o-other", "o-1", "o-2", "o-3");
        // o-old is two hours back and c-10 is another customer: only o-1 + o-2 = 1,000.00 count for o-2 (at the
        // limit, passes); o-3, 0.5 s later and so still within an hour of o-1, adds 0.01 and trips.
        assertThat(out).extracting(OrderCheckCompleted::passed).containsExactly(true, true, true, true, false);
        assertThat(recentOf("c-1")).as("o-old forgotten, one entry per order, oldest first")
                .extracting(RecentOrder::orderId).containsExactly("o-1", "o-2", "o-3");
        assertThat(recentOf("c-10")).extracting(RecentOrder::orderId).containsExactly("o-other");
    }

    @Test
    void aValidatedOrderChangesNothing() {
        balance("c-1", "100.00");
        orders.pipeInput("o-1", created("o-1", "c-1", "60.00", NOON));
        verdicts.readValuesToList();

        orders.pipeInput("o-1", changed("o-1", "c-1", "60.00", OrderState.VALIDATED, OrderState.CREATED));

        assertThat(verdicts.isEmpty()).isTrue();
        assertThat(accounts.get("c-1").held()).isEqualTo("60.00");
    }

    private List<RecentOrder> recentOf(String customerId) {
        List<RecentOrder> found = new ArrayList<>();
        try (KeyValueIterator<String, RecentOrder> it = recentOrders.prefixScan(customerId + "/",
                Serdes.String().serializer())) {
            it.forEachRemaining(entry -> found.add(entry.value));
        }
        return found;
    }

    private void balance(String customerId, String balance) {
        commands.pipeInput(customerId, new SetBalance("set-" + customerId + "-" + balance, customerId, new BigDecimal(balance)));
        assertThat(replies.readValue().status()).isEqualTo(CommandStatus.APPLIED);
    }

    private static OrderStateChanged created(String orderId, String customerId, String total, Instant createdAt) {
        return new OrderStateChanged(orderId + "/CREATED", order(orderId, customerId, total, OrderState.CREATED, createdAt), null);
    }

    private static OrderStateChanged changed(String orderId, String customerId, String total, OrderState state,
            OrderState previous) {
        return new OrderStateChanged(orderId + "/" + state, order(orderId, customerId, total, state, NOON), previous);
    }

    private static Order order(String orderId, String customerId, String total, OrderState state, Instant createdAt) {
        return new Order(orderId, customerId, List.of(new OrderLine("p-1", 1, new BigDecimal(total))),
                new BigDecimal(total), state, List.of(), createdAt, createdAt, null);
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }
}
