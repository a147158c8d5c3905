package io.orderflow.payment.api;

import io.orderflow.testsupport.security.AccessChecks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.payment.CapturePayment;
import io.orderflow.events.payment.HoldPayment;
import io.orderflow.events.payment.PaymentRequest;
import io.orderflow.events.payment.ReleasePayment;
import io.orderflow.events.topics.DeadLetterHeaders;
import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import io.orderflow.payment.PaymentServiceApplication;
import static io.orderflow.testsupport.http.Problems.assertIdProblem;
import static io.orderflow.testsupport.http.Problems.assertProblem;
import static io.orderflow.testsupport.http.Problems.errorFields;
import io.orderflow.testsupport.http.HttpJson;
import io.orderflow.testsupport.kafka.ConsumerProgress;
import io.orderflow.testsupport.kafka.TestKafka;
import io.orderflow.testsupport.service.ServiceIT;
import io.orderflow.testsupport.service.ServiceUnderTest;
import io.orderflow.testsupport.kafka.TopicProbe;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * payment-service alone on a real broker: accounts over REST, orders-service's requests in on
 * {@code payment-requests}, verdicts out on {@code order-validations}. The fraud limit is lowered to 1000.00 so
 * the rule can be reached; every test uses its own customers, so they do not share a window.
 */
@ServiceIT(value = PaymentServiceApplication.class, properties = "payment.fraud.hourly-limit=1000.00")
class PaymentServiceIT {

    private static final String APPLICATION_ID = "payment-service";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Topic<String, String> DEAD_LETTERS = new Topic<>(Topics.deadLetterTopic(APPLICATION_ID),
            "as the source record", Serdes.String(), Serdes.String());
    /** Read as text: the poison test puts a record on it that the typed serde rightly refuses. */
    private static final Topic<String, String> RAW_ACCOUNT_COMMANDS = new Topic<>(Topics.ACCOUNT_COMMANDS.name(),
            "customerId", Serdes.String(), Serdes.String());
    private final ServiceUnderTest service;
    private final HttpJson http;

    PaymentServiceIT(ServiceUnderTest service) {
        this.service = service;
        this.http = service.http();
    }

    @Test
    void balanceIsSetAndReadBack() {
        String customer = customer();

        HttpJson.Response set = http.put("/accounts/" + customer, "{\"balance\": 500.00}");

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertAccount(set.json(), customer, "500.00", "0.00", "500.00");
        HttpJson.Response read = http.get("/accounts/" + customer);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("{\"customerId\":\"" + customer
                + "\",\"balance\":500.00,\"held\":0.00,\"available\":500.00}");

        HttpJson.Response trailingZero = http.put("/accounts/" + customer, "{\"balance\": 1.500}");
        assertThat(trailingZero.status()).as("1.500 counts as 1.50: " + trailingZero).isEqualTo(200);
        assertAccount(trailingZero.json(), customer, "1.50", "0.00", "1.50");
    }

    @Test
    void unknownAccountIs404ProblemAndBadPathIdIs400Problem() {
        assertProblem(http.get("/accounts/never-seen-" + UUID.randomUUID()), 404);
        assertIdProblem(http.get("/accounts/bad%20id"), "customerId");
        HttpJson.Response badPut = http.put("/accounts/" + "x".repeat(65), "{\"balance\": 1.00}");
        assertProblem(badPut, 400);
        assertThat(errorFields(badPut).get(0)).isEqualTo("customerId");
    }

    @Test
    void aGoodOrderHoldsItsTotal() {
        String customer = customer();
        setBalance(customer, "100.00");

        String order = create(customer, "60.00", now());

        assertThat(verdict(order).passed()).isTrue();
        assertAccount(account(customer), customer, "100.00", "60.00", "40.00");
    }

    @Test
    void unknownCustomerAndShortFundsFailWithThoseReasons() {
        String poor = customer();
        setBalance(poor, "100.00");

        String tooBig = create(poor, "100.01", now());
        String strangerId = "stranger-" + UUID.randomUUID();
        String stranger = create(strangerId, "1.00", now());

        OrderCheckCompleted funds = verdict(tooBig);
        assertThat(funds.passed()).isFalse();
        assertThat(funds.rejections().get(0).reason()).isEqualTo(RejectionReason.INSUFFICIENT_FUNDS);
        assertThat(funds.rejections().get(0).detail()).isEqualTo("wanted 100.01, available 100.00");
        OrderCheckCompleted unknown = verdict(stranger);
        assertThat(unknown.passed()).isFalse();
        assertThat(unknown.rejections().get(0).reason()).isEqualTo(RejectionReason.UNKNOWN_CUSTOMER);
        assertAccount(account(poor), poor, "100.00", "0.00", "100.00");
        assertThat(http.get("/accounts/" + strangerId).status())
                .as("payment keeps the stranger's fraud window, but there is no account").isEqualTo(404);
    }

    @Test
    void releaseGivesTheHoldBack() {
        String customer = customer();
        setBalance(customer, "100.00");
        String order = create(customer, "60.00", now());
        assertThat(verdict(order).passed()).isTrue();

        // Another check failed: orders-service rejects the order and releases what payment held.
        send(new ReleasePayment(order, customer, new BigDecimal("60.00")));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertAccount(account(customer), customer, "100.00", "0.00", "100.00"));
    }

    @Test
    void captureTakesTheHoldFromTheBalance() throws Exception {
        String customer = customer();
        setBalance(customer, "100.00");
        String order = create(customer, "60.00", now());
        assertThat(verdict(order).passed()).isTrue();

        send(new CapturePayment(order, customer, new BigDecimal("60.00")));
        // Committed past the capture: whatever it did is in the store now.
        ConsumerProgress.awaitCaughtUp(TestKafka.bootstrapServers(), APPLICATION_ID, Topics.PAYMENT_REQUESTS.name());

        assertAccount(account(customer), customer, "40.00", "0.00", "40.00");
        assertThat(verdicts(order)).as("only the hold gets a verdict").hasSize(1);
    }

    @Test
    void concurrentOrdersNeverHoldMoreThanTheBalance() throws Exception {
        String customer = customer();
        setBalance(customer, "100.00");
        Instant createdAt = now();
        List<String> orders = Stream.generate(() -> "o-" + UUID.randomUUID()).limit(10).toList();

        Queue<BigDecimal> sampled = new ConcurrentLinkedQueue<>();
        AtomicBoolean sampling = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(11);
        try {
            Future<?> sampler = pool.submit(() -> {
                while (sampling.get()) {
                    sampled.add(account(customer).get("available").decimalValue());
                }
            });
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> writers = new ArrayList<>();
            for (String order : orders) {
                // Each from its own thread and producer, as several orders-service instances would.
                writers.add(pool.submit(() -> {
                    start.await();
                    send(hold(order, customer, "20.00", createdAt));
                    return null;
                }));
            }
            start.countDown();
            for (Future<Void> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }

            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                    .until(() -> verdictsOf(orders).size() == orders.size());
            sampling.set(false);
            sampler.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        List<OrderCheckCompleted> verdicts = verdictsOf(orders);
        assertThat(verdicts).filteredOn(OrderCheckCompleted::passed).hasSize(5);
        assertThat(verdicts).filteredOn(v -> !v.passed()).hasSize(5)
                .allMatch(v -> v.rejections().get(0).reason() == RejectionReason.INSUFFICIENT_FUNDS);
        assertThat(sampled).as("available sampled during the run").isNotEmpty().allMatch(a -> a.signum() >= 0);
        assertAccount(account(customer), customer, "100.00", "100.00", "0.00");
    }

    @Test
    void fraudTripsWhenTheHoursTotalGoesOverTheLimitAndNotAtIt() {
        String customer = customer();
        setBalance(customer, "5000.00");
        Instant t = now();

        // In creation order, as orders-service asks; each verdict awaited, so each order is judged on its own.
        String longAgo = create(customer, "900.00", t.minus(Duration.ofMinutes(61)));
        assertThat(verdict(longAgo).passed()).isTrue();
        String first = create(customer, "600.00", t);
        assertThat(verdict(first).passed()).as("the order 61 minutes older is outside the hour").isTrue();
        String atLimit = create(customer, "400.00", t.plusSeconds(1));
        assertThat(verdict(atLimit).passed()).as("exactly at the limit").isTrue();
        String over = create(customer, "0.01", t.plusSeconds(2));

        OrderCheckCompleted fraud = verdict(over);
        assertThat(fraud.passed()).as("one cent over").isFalse();
        assertThat(fraud.rejections().get(0).reason()).isEqualTo(RejectionReason.FRAUD_SUSPECTED);
        assertAccount(account(customer), customer, "5000.00", "1900.00", "3100.00");
    }

    @Test
    void balanceBelowWhatIsHeldIs409Problem() {
        String customer = customer();
        setBalance(customer, "100.00");
        String order = create(customer, "60.00", now());
        assertThat(verdict(order).passed()).isTrue();

        HttpJson.Response below = http.put("/accounts/" + customer, "{\"balance\": 59.99}");

        assertThat(below.status()).as(below.toString()).isEqualTo(409);
        assertThat(below.contentType()).startsWith("application/problem+json");
        assertThat(below.json().get("status").asInt()).isEqualTo(409);
        assertThat(below.json().get("detail").asString()).contains("60.00 is held");
        assertAccount(account(customer), customer, "100.00", "60.00", "40.00");

        HttpJson.Response atHeld = http.put("/accounts/" + customer, "{\"balance\": 60.00}");
        assertThat(atHeld.status()).isEqualTo(200);
        assertAccount(atHeld.json(), customer, "60.00", "60.00", "0.00");
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheServiceGoesOn() {
        String bootstrap = TestKafka.bootstrapServers();
        String poisonRequest = "poison-request-" + UUID.randomUUID();
        String poisonCommand = "poison-command-" + UUID.randomUUID();
        String customer = customer();
        TopicProbe.sendRaw(bootstrap, Topics.PAYMENT_REQUESTS.name(), poisonRequest.getBytes(StandardCharsets.UTF_8),
                "this is not json".getBytes(StandardCharsets.UTF_8));
        TopicProbe.sendRaw(bootstrap, Topics.ACCOUNT_COMMANDS.name(), poisonCommand.getBytes(StandardCharsets.UTF_8),
                "{\"type\":\"SetBalance\",\"version\":1,\"commandId\":\"x\",\"customerId\":\"c-x\",\"balance\":-1}"
                        .getBytes(StandardCharsets.UTF_8));
        setBalance(customer, "10.00");
        // More than is held: a broken invariant, refused by the processor and dead-lettered like a poison record.
        send(new ReleasePayment("o-" + UUID.randomUUID(), customer, new BigDecimal("0.01")));

        assertThat(verdict(create(customer, "10.00", now())).passed()).isTrue();

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, String> reasons = TopicProbe.readAll(bootstrap, DEAD_LETTERS).stream()
                    .collect(Collectors.toMap(ConsumerRecord::key, r -> header(r, DeadLetterHeaders.REASON), (a, b) -> a));
            assertThat(reasons.get(poisonRequest)).contains("not JSON");
            assertThat(reasons.get(poisonCommand)).contains("invalid SetBalance");
            assertThat(reasons.get(customer)).contains("cannot release 0.01").contains("holds only 0.00");
        });
        assertAccount(account(customer), customer, "10.00", "10.00", "0.00");
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static Stream<Arguments> badBalances() {
        return Stream.of(
                Arguments.of("negative", "{\"balance\": -0.01}", "balance", "must be greater than or equal to 0.00"),
                Arguments.of("three decimals", "{\"balance\": 1.005}", "balance", "must have at most 2 decimals"),
                Arguments.of("more than 15 integer digits", "{\"balance\": 1000000000000000.00}", "balance", "must be less than or equal to 999999999999999.99"),
                Arguments.of("numeric string", "{\"balance\": \"500.00\"}", "balance", "must be a number"),
                Arguments.of("missing", "{}", "balance", "must not be null"),
                Arguments.of("null", "{\"balance\": null}", "balance", "must not be null"),
                Arguments.of("malformed JSON", "{\"balance\": ", "body", "malformed JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBalances")
    void badBalanceIs400ProblemNamingTheField(String name, String json, String field, String message) {
        String customer = "bad-" + UUID.randomUUID();

        HttpJson.Response answer = http.put("/accounts/" + customer, json);

        assertProblem(answer, 400);
        assertThat(errorFields(answer)).as(answer.body()).containsExactly(field);
        assertThat(answer.json().get("errors").get(0).get("message").asString()).isEqualTo(message);
        assertThat(TopicProbe.readAll(TestKafka.bootstrapServers(), RAW_ACCOUNT_COMMANDS))
                .as("nothing written to Kafka for a rejected request")
                .noneMatch(record -> record.key().equals(customer));
    }

    private void setBalance(String customer, String balance) {
        HttpJson.Response set = http.put("/accounts/" + customer, "{\"balance\": " + balance + "}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    private JsonNode account(String customer) {
        HttpJson.Response read = http.get("/accounts/" + customer);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }

    private static void assertAccount(JsonNode account, String customer, String balance, String held, String available) {
        assertThat(account.get("customerId").asString()).isEqualTo(customer);
        assertThat(account.get("balance").decimalValue()).isEqualByComparingTo(balance);
        assertThat(account.get("held").decimalValue()).isEqualByComparingTo(held);
        assertThat(account.get("available").decimalValue()).isEqualByComparingTo(available);
    }

    private static String create(String customer, String amount, Instant createdAt) {
        String orderId = "o-" + UUID.randomUUID();
        send(hold(orderId, customer, amount, createdAt));
        return orderId;
    }

    private static HoldPayment hold(String orderId, String customer, String amount, Instant createdAt) {
        return new HoldPayment(orderId, customer, new BigDecimal(amount), createdAt, 1, 1);
    }

    /** As orders-service writes them: keyed by customer. */
    private static void send(PaymentRequest request) {
        TopicProbe.send(TestKafka.bootstrapServers(), Topics.PAYMENT_REQUESTS, request.customerId(), request);
    }

    private OrderCheckCompleted verdict(String orderId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> !verdicts(orderId).isEmpty());
        return verdicts(orderId).get(0);
    }

    private static List<OrderCheckCompleted> verdicts(String orderId) {
        return verdictsOf(List.of(orderId));
    }

    /** One read of the topic for all the orders asked about. */
    private static List<OrderCheckCompleted> verdictsOf(List<String> orderIds) {
        return TopicProbe.readAll(TestKafka.bootstrapServers(), Topics.ORDER_VALIDATIONS).stream()
                .filter(record -> orderIds.contains(record.key()))
                .map(ConsumerRecord::value)
                .toList();
    }

    private static String customer() {
        return "c-" + UUID.randomUUID();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The 401/403 matrix: the admin sets balances; a customer reads their own account only. */
    @Test
    void aCustomerReadsTheirOwnAccountAndOnlyTheAdminSetsBalances() {
        AccessChecks access = new AccessChecks(http, service.issuer());
        String customer = customer();
        String other = customer();
        access.refusesWithoutAGoodToken("PUT", "/accounts/" + customer, "{\"balance\": 10.00}");
        access.refusesWithoutAGoodToken("GET", "/accounts/" + customer, null);
        assertThat(http.put("/accounts/" + customer, "{\"balance\": 10.00}").status()).isEqualTo(200);

        String own = service.issuer().customer(customer);
        assertThat(access.as(own, "GET", "/accounts/" + customer, null).json().get("balance").decimalValue())
                .isEqualByComparingTo("10.00");
        access.forbids(own, "PUT", "/accounts/" + customer, "{\"balance\": 1000000.00}");
        access.forbids(own, "GET", "/accounts/" + other, null);
        access.forbids(service.issuer().metrics(), "GET", "/accounts/" + customer, null);
        assertThat(http.get("/accounts/" + customer).json().get("balance").decimalValue())
                .as("the refused PUT changed nothing").isEqualByComparingTo("10.00");
    }
}
