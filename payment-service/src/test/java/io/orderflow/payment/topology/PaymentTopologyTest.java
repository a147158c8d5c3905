package io.orderflow.payment.topology;

import io.orderflow.service.config.OrderflowProperties;
import io.orderflow.service.config.StreamsSettings;
import io.orderflow.testsupport.streams.TopologyHarness;
import io.orderflow.events.topics.DeadLetterHeaders;
import java.util.Objects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.events.Money;
import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.payment.AccountCommand;
import io.orderflow.events.payment.CapturePayment;
import io.orderflow.events.payment.HoldPayment;
import io.orderflow.events.payment.PaymentRequest;
import io.orderflow.events.payment.ReleasePayment;
import io.orderflow.events.payment.SetBalance;
import io.orderflow.events.topics.Topics;
import io.orderflow.payment.domain.Account;
import io.orderflow.payment.domain.FraudPolicy;
import io.orderflow.payment.domain.FraudWindow;
import io.orderflow.payment.domain.PaymentRules;
import io.orderflow.payment.domain.RecentOrder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The production payment topology on TopologyTestDriver: from payment requests and account commands to verdicts, answers and stores. */
class PaymentTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:30:00Z");
    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @AutoClose
    private final TopologyHarness harness = TopologyHarness.inFreshStateDir(
            dir -> StreamsSettings.of(OrderflowProperties.defaults("unused:9092", dir), "payment-service", null),
            builder -> new PaymentTopology(new PaymentRules(new FraudPolicy(new BigDecimal("1000.00"))),
                    Clock.fixed(NOW, ZoneOffset.UTC)).build(builder));
    private final TestInputTopic<String, PaymentRequest> requests = harness.input(Topics.PAYMENT_REQUESTS);
    private final TestInputTopic<String, AccountCommand> commands = harness.input(Topics.ACCOUNT_COMMANDS);
    private final TestOutputTopic<String, OrderCheckCompleted> verdicts = harness.output(Topics.ORDER_VALIDATIONS);
    private final TestOutputTopic<String, CommandResult> replies = harness.output(Topics.ACCOUNT_COMMAND_RESULTS);
    private final KeyValueStore<String, Account> accounts = harness.store(PaymentTopology.ACCOUNTS_STORE);
    private final KeyValueStore<String, RecentOrder> recentOrders = harness.store(PaymentTopology.RECENT_ORDERS_STORE);

    @Test
    void requestsAndAccountCommandsMeetInOneSubTopologyWithBothStoresAndNoRepartition() {
        TopologyDescription description = harness.describe();
        assertThat(description.subtopologies()).hasSize(1);
        TopologyDescription.Subtopology payments = description.subtopologies().iterator().next();

        Set<String> sources = payments.nodes().stream()
                .filter(TopologyDescription.Source.class::isInstance)
                .flatMap(node -> ((TopologyDescription.Source) node).topicSet().stream())
                .collect(Collectors.toSet());
        assertThat(sources).containsExactlyInAnyOrder(Topics.PAYMENT_REQUESTS.name(), Topics.ACCOUNT_COMMANDS.name());
        Set<String> sinks = payments.nodes().stream()
                .filter(TopologyDescription.Sink.class::isInstance)
                .map(node -> ((TopologyDescription.Sink) node).topic())
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        assertThat(sinks).containsExactlyInAnyOrder(Topics.ORDER_VALIDATIONS.name(),
                Topics.ACCOUNT_COMMAND_RESULTS.name());
        // Unreadable inputs go to the dead-letter topic, named by the application id at run time.
        assertThat(payments.nodes()).extracting(TopologyDescription.Node::name).contains(
                "dead-letters-from-" + Topics.PAYMENT_REQUESTS.name(), "dead-letters-from-" + Topics.ACCOUNT_COMMANDS.name());
        TopologyDescription.Processor processor = payments.nodes().stream()
                .filter(node -> node.name().equals("payments"))
                .map(TopologyDescription.Processor.class::cast).findFirst().orElseThrow();
        assertThat(processor.stores()).containsExactlyInAnyOrder(PaymentTopology.ACCOUNTS_STORE,
                PaymentTopology.RECENT_ORDERS_STORE);
    }

    @Test
    void everyRequestAndCommandTypeHasItsInputKind() {
        assertThat(new PaymentInput.Request(hold("o-1", "c-1", "1.00", NOON)).kind()).isEqualTo(PaymentInput.Kind.HOLD);
        assertThat(new PaymentInput.Request(new ReleasePayment("o-1", "c-1", BigDecimal.ONE)).kind())
                .isEqualTo(PaymentInput.Kind.RELEASE);
        assertThat(new PaymentInput.Request(new CapturePayment("o-1", "c-1", BigDecimal.ONE)).kind())
                .isEqualTo(PaymentInput.Kind.CAPTURE);
        assertThat(new PaymentInput.Command(new SetBalance("cmd-1", "c-1", BigDecimal.ONE)).kind())
                .isEqualTo(PaymentInput.Kind.SET_BALANCE);
        assertThat(PaymentInput.Kind.values()).hasSize(4);
    }

    @Test
    void settingABalanceOpensTheAccountAndAnswersByCommandId() {
        commands.pipeInput("c-1", new SetBalance("cmd-1", "c-1", new BigDecimal("500")));

        KeyValue<String, CommandResult> reply = replies.readKeyValue();
        assertThat(reply.key).isEqualTo("cmd-1");
        assertThat(reply.value).isEqualTo(CommandResult.applied("cmd-1", "c-1"));
        assertThat(accounts.get("c-1")).isEqualTo(Account.open("c-1", new BigDecimal("500.00")));
        assertThat(verdicts.isEmpty()).isTrue();
    }

    @Test
    void aBalanceCommandKeyedByAnotherCustomerIsDeadLetteredAndChangesNothing() {
        commands.pipeInput("c-2", new SetBalance("cmd-x", "c-1", new BigDecimal("5")));

        assertThat(deadLetterReasons()).containsExactly("SetBalance for customerId c-1 keyed by c-2");

        assertThat(accounts.get("c-1")).isNull();
        assertThat(accounts.get("c-2")).isNull();
        assertThat(replies.isEmpty()).isTrue();
    }

    @Test
    void aHoldKeyedByAnotherCustomerIsDeadLetteredAndChangesNothing() {
        balance("c-1", "100.00");

        requests.pipeInput("c-2", hold("o-1", "c-1", "60.00", NOON));

        assertThat(deadLetterReasons()).containsExactly("HoldPayment for customerId c-1 keyed by c-2");

        assertThat(accounts.get("c-1").held()).isEqualTo("0.00");
        assertThat(verdicts.isEmpty()).isTrue();
    }

    @Test
    void aHoldWithinTheBalancePassesWithAVerdictKeyedByOrderId() {
        balance("c-1", "100.00");

        send(hold("o-1", "c-1", "60.00", NOON));

        KeyValue<String, OrderCheckCompleted> verdict = verdicts.readKeyValue();
        assertThat(verdict.key).isEqualTo("o-1");
        assertThat(verdict.value).isEqualTo(new OrderCheckCompleted("o-1", CheckType.PAYMENT, true, List.of(), NOW, null));
        assertThat(verdicts.isEmpty()).isTrue();
        Account account = accounts.get("c-1");
        assertThat(account.held()).isEqualTo("60.00");
        assertThat(account.available()).isEqualTo("40.00");
        assertThat(recentOf("c-1")).containsExactly(entry(NOON, "o-1"));
    }

    @Test
    void unknownCustomersAndShortFundsFailWithTheirReasons() {
        balance("c-1", "50.00");

        send(hold("o-1", "c-1", "60.00", NOON));
        send(hold("o-2", "c-unknown", "1.00", NOON));

        List<KeyValue<String, OrderCheckCompleted>> out = verdicts.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key).containsExactly("o-1", "o-2");
        assertThat(out.get(0).value).isEqualTo(OrderCheckCompleted.payment("o-1", new Rejection(CheckType.PAYMENT,
                RejectionReason.INSUFFICIENT_FUNDS, "wanted 60.00, available 50.00"), NOW));
        assertThat(out.get(1).value).isEqualTo(OrderCheckCompleted.payment("o-2", new Rejection(CheckType.PAYMENT,
                RejectionReason.UNKNOWN_CUSTOMER, "no account for customer 'c-unknown'"), NOW));
        assertThat(accounts.get("c-1").held()).isEqualTo("0.00");
        assertThat(accounts.get("c-unknown").funded()).as("counted for fraud, but no account").isFalse();
        assertThat(recentOf("c-unknown")).containsExactly(entry(NOON, "o-2"));
    }

    @Test
    void holdsOfOneCustomerTakeOnlyWhatTheBalanceCovers() {
        balance("c-1", "100.00");

        for (int i = 0; i < 10; i++) {
            send(hold("o-" + i, "c-1", "20.00", NOON.plusSeconds(i)));
        }

        List<OrderCheckCompleted> out = verdicts.readValuesToList();
        assertThat(out).filteredOn(OrderCheckCompleted::passed).hasSize(5);
        assertThat(out).filteredOn(v -> !v.passed())
                .allMatch(v -> v.rejections().get(0).reason() == RejectionReason.INSUFFICIENT_FUNDS);
        assertThat(accounts.get("c-1").held()).isEqualTo("100.00");
        assertThat(accounts.get("c-1").available()).isEqualTo("0.00");
    }

    @Test
    void releaseGivesTheHoldBackAndCaptureTakesItFromTheBalance() {
        balance("c-1", "100.00");
        send(hold("o-1", "c-1", "60.00", NOON));
        send(hold("o-2", "c-1", "30.00", NOON.plusSeconds(1)));

        send(new ReleasePayment("o-1", "c-1", new BigDecimal("60.00")));
        assertThat(accounts.get("c-1").held()).isEqualTo("30.00");
        assertThat(accounts.get("c-1").balance()).isEqualTo("100.00");

        send(new CapturePayment("o-2", "c-1", new BigDecimal("30.00")));
        Account account = accounts.get("c-1");
        assertThat(account.balance()).isEqualTo("70.00");
        assertThat(account.held()).isEqualTo("0.00");
        assertThat(account.available()).isEqualTo("70.00");
        assertThat(verdicts.readValuesToList()).as("only holds get a verdict").hasSize(2);
    }

    @Test
    void releasingMoreThanIsHeldFailsTheRecordAndChangesNothing() {
        balance("c-1", "100.00");
        send(hold("o-1", "c-1", "60.00", NOON));

        assertThatThrownBy(() -> send(new ReleasePayment("o-1", "c-1", new BigDecimal("60.01"))))
                .hasStackTraceContaining("cannot release 60.01 for order o-1: customer c-1 holds only 60.00");
        assertThatThrownBy(() -> send(new CapturePayment("o-9", "c-9", new BigDecimal("1.00"))))
                .hasStackTraceContaining("cannot capture 1.00 for order o-9: customer c-9 holds only 0.00");

        assertThat(accounts.get("c-1").held()).isEqualTo("60.00");
        assertThat(accounts.get("c-9")).isNull();
    }

    @Test
    void aBalanceBelowWhatIsHeldIsRefused() {
        balance("c-1", "100.00");
        send(hold("o-1", "c-1", "60.00", NOON));

        commands.pipeInput("c-1", new SetBalance("cmd-low", "c-1", new BigDecimal("59.99")));

        CommandResult reply = replies.readValue();
        assertThat(reply.status()).isEqualTo(CommandStatus.CONFLICT);
        assertThat(reply.detail()).isEqualTo("cannot set the balance to 59.99: 60.00 is held");
        assertThat(accounts.get("c-1").balance()).isEqualTo("100.00");
    }

    @Test
    void theFraudCheckTripsOverTheHourlyLimitAndNotAtIt() {
        balance("c-1", "5000.00");

        send(hold("o-1", "c-1", "600.00", NOON));
        send(hold("o-2", "c-1", "400.00", NOON.plusSeconds(60)));
        send(hold("o-3", "c-1", "0.01", NOON.plusSeconds(120)));

        List<OrderCheckCompleted> out = verdicts.readValuesToList();
        assertThat(out).extracting(OrderCheckCompleted::passed).containsExactly(true, true, false);
        assertThat(out.get(2).rejections().get(0)).isEqualTo(new Rejection(CheckType.PAYMENT,
                RejectionReason.FRAUD_SUSPECTED, "orders of 1000.01 created in the hour up to 2026-11-25T12:02:00Z"
                        + " exceed the hourly limit of 1000.00"));
        assertThat(accounts.get("c-1").held()).isEqualTo("1000.00");
    }

    @Test
    void theWindowForgetsOrdersOverAnHourOldAndNeverCountsAnotherCustomer() {
        balance("c-1", "5000.00");
        balance("c-10", "5000.00");

        send(hold("o-old", "c-1", "900.00", NOON.minus(HOUR.multipliedBy(2))));
        send(hold("o-other", "c-10", "900.00", NOON));
        send(hold("o-1", "c-1", "500.00", NOON.minusSeconds(3599)));
        send(hold("o-2", "c-1", "500.00", NOON));
        send(hold("o-3", "c-1", "0.01", NOON.plusMillis(500)));

        List<KeyValue<String, OrderCheckCompleted>> out = verdicts.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key).containsExactly("o-old", "o-other", "o-1", "o-2", "o-3");
        // o-old is two hours back and c-10 is another customer: only o-1 + o-2 = 1,000.00 count for o-2 (at the
        // limit, passes); o-3, 0.5 s later and so still within an hour of o-1, adds 0.01 and trips.
        assertThat(out).extracting(kv -> kv.value.passed()).containsExactly(true, true, true, true, false);
        assertThat(recentOf("c-1")).as("o-old forgotten, one entry per order, oldest first")
                .containsExactly(entry(NOON.minusSeconds(3599), "o-1"), entry(NOON, "o-2"),
                        entry(NOON.plusMillis(500), "o-3"));
        assertThat(recentOf("c-10")).containsExactly(entry(NOON, "o-other"));
        assertThat(accounts.get("c-1").fraudWindow().total()).isEqualTo("1000.01");
        assertThat(accounts.get("c-10").fraudWindow().total()).isEqualTo("900.00");
    }

    @Test
    void aCustomerWhoseNewestOrderIsOverAnHourOldStartsAnEmptyWindow() {
        balance("c-1", "5000.00");
        send(hold("o-1", "c-1", "1000.00", NOON));

        send(hold("o-2", "c-1", "1000.00", NOON.plus(HOUR).plusMillis(1)));

        assertThat(verdicts.readValuesToList()).extracting(OrderCheckCompleted::passed).containsExactly(true, true);
        assertThat(recentOf("c-1")).containsExactly(entry(NOON.plus(HOUR).plusMillis(1), "o-2"));
        assertThat(accounts.get("c-1").fraudWindow().total()).isEqualTo("1000.00");
    }

    @Test
    void anOrderArrivingAfterANewerOneIsCountedInTheNewerOnesWindow() {
        balance("c-1", "5000.00");
        send(hold("o-newer", "c-1", "600.00", NOON.plusSeconds(30)));

        send(hold("o-older", "c-1", "400.01", NOON));

        assertThat(verdicts.readValuesToList()).extracting(OrderCheckCompleted::passed).containsExactly(true, false);
        assertThat(recentOf("c-1")).containsExactly(entry(NOON, "o-older"), entry(NOON.plusSeconds(30), "o-newer"));
    }

    /**
     * The point of the running sum: a check costs the same whatever the customer's orders in the hour. With
     * 10,000 orders in the hour, a check that moves the window on deletes exactly the entries that left it, and
     * the total is exact to the cent (at the limit passes, one cent more trips).
     */
    @Test
    void aCheckAfterTenThousandOrdersOfTheHourTouchesOnlyTheEntriesThatExpired() {
        balance("c-10", "5000.00");
        send(hold("o-other", "c-10", "1.00", NOON));
        // 10,000 orders of 0.10, 300 ms apart: 1,000.00 within 50 minutes. The first 9,999 are written into the
        // stores as the processor records them (piped, each would be a commit flushing RocksDB: minutes); the
        // last one goes through the processor and is exactly at the limit.
        for (int i = 0; i < 9_999; i++) {
            recentOrders.put(key("c-1", createdAt(i), "o-" + i), new RecentOrder(new BigDecimal("0.10")));
        }
        accounts.put("c-1", new Account("c-1", new BigDecimal("5000.00"), Money.ZERO,
                new FraudWindow(createdAt(9_998), new BigDecimal("999.90"))));
        send(hold("o-9999", "c-1", "0.10", createdAt(9_999)));
        assertThat(verdicts.readValuesToList()).extracting(OrderCheckCompleted::passed).containsExactly(true, true);
        assertThat(count("c-1")).isEqualTo(10_000);
        assertThat(accounts.get("c-1").fraudWindow().total()).isEqualTo("1000.00");

        // An hour after o-2499: o-0 .. o-2499 leave, 7,500 orders of 750.00 stay.
        Instant later = createdAt(2_499).plus(HOUR);
        send(hold("o-at-limit", "c-1", "250.00", later));
        send(hold("o-over", "c-1", "0.01", later));

        assertThat(verdicts.readValuesToList()).extracting(OrderCheckCompleted::passed).containsExactly(true, false);
        assertThat(count("c-1")).as("the 2,500 expired entries deleted, 2 added").isEqualTo(7_502);
        assertThat(recentOf("c-1").get(0)).isEqualTo(entry(createdAt(2_500), "o-2500"));
        assertThat(accounts.get("c-1").fraudWindow()).isEqualTo(new FraudWindow(later, new BigDecimal("1000.01")));
        assertThat(accounts.get("c-1").held()).isEqualTo("250.10");
        assertThat(recentOf("c-10")).as("the other customer untouched").containsExactly(entry(NOON, "o-other"));
    }

    private static Instant createdAt(int order) {
        return NOON.plusMillis(300L * order);
    }

    /**
     * A store written by the version before: accounts with a hold per order, one entry per order with its
     * verdict, and a customer who only ordered (entries, no account). Read as they are; the fraud window is
     * computed from the entries on the customer's first hold.
     */
    @Test
    void storesOfThePreviousLayoutKeepEveryBalanceHoldAndFraudHistory() {
        raw(PaymentTopology.ACCOUNTS_STORE, "c-1",
                "{\"customerId\":\"c-1\",\"balance\":5000.00,\"holds\":{\"o-1\":300.00,\"o-2\":200.00}}");
        raw(PaymentTopology.RECENT_ORDERS_STORE, key("c-1", NOON.minus(HOUR).minusSeconds(10), "o-0"),
                oldEntry("o-0", NOON.minus(HOUR).minusSeconds(10), "900.00", true));
        raw(PaymentTopology.RECENT_ORDERS_STORE, key("c-1", NOON.minusSeconds(600), "o-1"),
                oldEntry("o-1", NOON.minusSeconds(600), "300.00", false));
        raw(PaymentTopology.RECENT_ORDERS_STORE, key("c-1", NOON.minusSeconds(300), "o-2"),
                oldEntry("o-2", NOON.minusSeconds(300), "200.00", false));
        raw(PaymentTopology.RECENT_ORDERS_STORE, key("c-9", NOON.minusSeconds(60), "o-9"),
                oldEntry("o-9", NOON.minusSeconds(60), "900.00", true));

        assertThat(accounts.get("c-1")).isEqualTo(new Account("c-1", new BigDecimal("5000.00"),
                new BigDecimal("500.00"), null));
        send(hold("o-3", "c-1", "500.00", NOON));
        send(hold("o-4", "c-1", "0.01", NOON.plusMillis(1)));
        send(hold("o-10", "c-9", "100.01", NOON));
        send(new ReleasePayment("o-1", "c-1", new BigDecimal("300.00")));

        List<OrderCheckCompleted> out = verdicts.readValuesToList();
        assertThat(out).extracting(OrderCheckCompleted::passed).containsExactly(true, false, false);
        assertThat(out.get(1).rejections().get(0).detail()).startsWith("orders of 1000.01 ");
        assertThat(out.get(2).rejections().get(0).detail()).as("the unknown customer's old order counts")
                .startsWith("orders of 1000.01 ");
        assertThat(recentOf("c-1")).as("o-0 was over an hour before the newest")
                .extracting(Entry::orderId).containsExactly("o-1", "o-2", "o-3", "o-4");
        Account account = accounts.get("c-1");
        assertThat(account.balance()).isEqualTo("5000.00");
        assertThat(account.held()).isEqualTo("700.00");
        assertThat(account.fraudWindow().total()).isEqualTo("1000.01");
    }

    record Entry(Instant createdAt, String orderId) {
    }

    private static Entry entry(Instant createdAt, String orderId) {
        return new Entry(createdAt, orderId);
    }

    /** The customer's entries, oldest first, read back from their keys. */
    private List<Entry> recentOf(String customerId) {
        List<Entry> found = new ArrayList<>();
        try (KeyValueIterator<String, RecentOrder> it = recentOrders.range(customerId + "/", customerId + "/~")) {
            it.forEachRemaining(kv -> {
                String[] parts = kv.key.split("/");
                found.add(new Entry(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]));
            });
        }
        return found;
    }

    private long count(String customerId) {
        try (KeyValueIterator<String, RecentOrder> it = recentOrders.range(customerId + "/", customerId + "/~")) {
            long n = 0;
            for (; it.hasNext(); it.next()) {
                n++;
            }
            return n;
        }
    }

    private static String key(String customerId, Instant createdAt, String orderId) {
        return customerId + "/" + String.format("%013d", createdAt.toEpochMilli()) + "/" + orderId;
    }

    private static String oldEntry(String orderId, Instant createdAt, String total, boolean rejected) {
        return "{\"orderId\":\"" + orderId + "\",\"createdAt\":\"" + createdAt + "\",\"total\":" + total
                + ",\"rejection\":" + (rejected
                        ? "{\"service\":\"payment\",\"reason\":\"FRAUD_SUSPECTED\",\"detail\":\"...\"}" : "null") + "}";
    }

    /** Writes a value as the previous version did, beneath the typed store. */
    @SuppressWarnings("unchecked")
    private void raw(String store, String key, String json) {
        KeyValueStore<Bytes, byte[]> bytes = ((WrappedStateStore<KeyValueStore<Bytes, byte[]>, ?, ?>)
                harness.<String, Object>store(store)).wrapped();
        bytes.put(Bytes.wrap(key.getBytes(StandardCharsets.UTF_8)), json.getBytes(StandardCharsets.UTF_8));
    }

    private void send(PaymentRequest request) {
        requests.pipeInput(request.customerId(), request);
    }

    private void balance(String customerId, String balance) {
        commands.pipeInput(customerId, new SetBalance("set-" + customerId + "-" + balance, customerId, new BigDecimal(balance)));
        assertThat(replies.readValue().status()).isEqualTo(CommandStatus.APPLIED);
    }

    private static HoldPayment hold(String orderId, String customerId, String amount, Instant createdAt) {
        return new HoldPayment(orderId, customerId, new BigDecimal(amount), createdAt, 1, 1);
    }

    /** The reasons of the records on the dead-letter topic, which the task writes in its own transaction. */
    private List<String> deadLetterReasons() {
        return harness.deadLetters().stream()
                .map(r -> new String(r.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .toList();
    }
}
