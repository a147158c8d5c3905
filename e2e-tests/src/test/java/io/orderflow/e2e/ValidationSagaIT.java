package io.orderflow.e2e;

import static io.orderflow.e2e.Fixtures.money;
import static io.orderflow.e2e.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.testsupport.concurrency.Concurrently;
import io.orderflow.testsupport.http.HttpJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The validation saga across orders-, stock- and payment-service, each its own JVM, on a real broker.
 * fulfillment-service is not running, so validated orders stay VALIDATED and their reservations can be seen.
 */
class ValidationSagaIT {

    private static final String FRAUD_LIMIT = "1000.00";
    @AutoClose
    private static Suite suite;
    private static Fixtures given;

    @BeforeAll
    static void start() {
        suite = Suite.start(List.of("orders-service", "stock-service", "payment-service"),
                Map.of("PAYMENT_FRAUD_HOURLY_LIMIT", FRAUD_LIMIT));
        given = new Fixtures(suite);
    }

    @Test
    void goodOrderIsValidatedWithStockReservedAndPaymentHeld() {
        String product = unique("p");
        String customer = unique("c");
        given.stock(product, 10);
        given.fund(customer, "500.00");

        String orderId = given.order(customer, product, 2, "19.99");

        JsonNode order = given.awaitState(orderId, "VALIDATED");
        assertThat(order.get("rejections").size()).isZero();
        JsonNode stock = given.stockOf(product);
        assertThat(stock.get("reserved").asLong()).isEqualTo(2);
        assertThat(stock.get("available").asLong()).isEqualTo(8);
        JsonNode account = given.accountOf(customer);
        assertThat(money(account, "held")).isEqualByComparingTo("39.98");
        assertThat(money(account, "available")).isEqualByComparingTo("460.02");
    }

    @Test
    void shortStockRejectsAndThePaymentHoldIsGivenBack() {
        String product = unique("p");
        String customer = unique("c");
        given.stock(product, 1);
        given.fund(customer, "500.00");

        JsonNode order = given.awaitState(given.order(customer, product, 2, "10.00"), "REJECTED");

        assertThat(reasons(order)).contains("INSUFFICIENT_STOCK");
        awaitAccount(customer, "500.00", "0.00");
        awaitStock(product, 1, 0);
    }

    @Test
    void unknownProductRejectsAndThePaymentHoldIsGivenBack() {
        String customer = unique("c");
        given.fund(customer, "500.00");

        JsonNode order = given.awaitState(given.order(customer, unique("never-stocked"), 1, "10.00"), "REJECTED");

        assertThat(reasons(order)).contains("UNKNOWN_PRODUCT");
        awaitAccount(customer, "500.00", "0.00");
    }

    @Test
    void shortFundsRejectAndTheReservationIsGivenBack() {
        String product = unique("p");
        String customer = unique("c");
        given.stock(product, 10);
        given.fund(customer, "10.00");

        JsonNode order = given.awaitState(given.order(customer, product, 3, "5.00"), "REJECTED");

        assertThat(reasons(order)).contains("INSUFFICIENT_FUNDS");
        awaitStock(product, 10, 0);
        awaitAccount(customer, "10.00", "0.00");
    }

    @Test
    void unknownCustomerRejectsAndTheReservationIsGivenBack() {
        String product = unique("p");
        given.stock(product, 10);

        JsonNode order = given.awaitState(given.order(unique("nobody"), product, 3, "5.00"), "REJECTED");

        assertThat(reasons(order)).contains("UNKNOWN_CUSTOMER");
        awaitStock(product, 10, 0);
    }

    @Test
    void twoLineOrderWithOneShortLineReservesNothingInTheEnd() {
        String plenty = unique("p");
        String scarce = unique("p");
        String customer = unique("c");
        given.stock(plenty, 5);
        given.stock(scarce, 1);
        given.fund(customer, "500.00");

        JsonNode order = given.awaitState(given.order(customer, plenty, 2, "1.00", scarce, 3, "1.00"), "REJECTED");

        assertThat(reasons(order)).containsExactly("INSUFFICIENT_STOCK");
        awaitStock(plenty, 5, 0);
        awaitStock(scarce, 1, 0);
        awaitAccount(customer, "500.00", "0.00");
    }

    @Test
    void hundredConcurrentOrdersForThirtyUnitsValidateExactlyThirty() throws Exception {
        String product = unique("p");
        String customer = unique("c");
        given.stock(product, 30);
        given.fund(customer, "100000.00");
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> availableSamples = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> sampler = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                availableSamples.add(given.stockOf(product).get("available").asLong());
            }
        });

        List<String> ids = placeConcurrently(100, 16, i -> Fixtures.orderJson(unique("o"), customer, product, 1, "1.00"));
        Map<String, Long> states = ids.stream().map(id -> finalState(id))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        running.set(false);
        sampler.get();

        assertThat(states).containsEntry("VALIDATED", 30L).containsEntry("REJECTED", 70L);
        assertThat(availableSamples).isNotEmpty().allSatisfy(a -> assertThat(a).isGreaterThanOrEqualTo(0));
        awaitStock(product, 30, 30);
        assertThat(given.stockOf(product).get("available").asLong()).isZero();
    }

    @Test
    void tenConcurrentOrdersOfTwentyAgainstAHundredValidateExactlyFive() throws Exception {
        String product = unique("p");
        String customer = unique("c");
        given.stock(product, 100);
        given.fund(customer, "100.00");

        List<String> ids = placeConcurrently(10, 10, i -> Fixtures.orderJson(unique("o"), customer, product, 1, "20.00"));
        Map<String, Long> states = ids.stream().map(this::finalState)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(states).containsEntry("VALIDATED", 5L).containsEntry("REJECTED", 5L);
        awaitAccount(customer, "100.00", "100.00");
        assertThat(money(given.accountOf(customer), "available")).isEqualByComparingTo("0.00");
    }

    @Test
    void fraudRuleTripsAboveTheHourlyLimitAndNotAtIt() {
        String product = unique("p");
        String customer = unique("c");
        given.stock(product, 1000);
        given.fund(customer, "100000.00");

        assertThat(given.awaitState(given.order(customer, product, 6, "100.00"), "VALIDATED")).isNotNull();
        // 600 + 400 = 1000.00: at the limit, not over it.
        assertThat(given.awaitState(given.order(customer, product, 4, "100.00"), "VALIDATED")).isNotNull();
        // 1000.01 is over.
        JsonNode third = given.awaitState(given.order(customer, product, 1, "0.01"), "REJECTED");

        assertThat(reasons(third)).containsExactly("FRAUD_SUSPECTED");
        awaitStock(product, 1000, 10);
    }

    @Test
    void cancelInValidatedGivesEverythingBackAndWakesALongPoll() {
        String product = unique("p");
        String customer = unique("c");
        given.stock(product, 10);
        given.fund(customer, "100.00");
        String orderId = given.order(customer, product, 4, "5.00");
        given.awaitState(orderId, "VALIDATED");

        CompletableFuture<HttpJson.Response> longPoll = CompletableFuture.supplyAsync(
                () -> suite.orders().get("/orders/" + orderId + "?until=CANCELLED&timeoutMs=25000"));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !longPoll.isDone());
        long cancelledAt = System.nanoTime();
        HttpJson.Response cancel = suite.orders().post("/orders/" + orderId + "/cancel", "");

        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);
        assertThat(cancel.json().get("state").asString()).isEqualTo("CANCELLED");
        HttpJson.Response woken = longPoll.join();
        long waitedAfterCancel = Duration.ofNanos(System.nanoTime() - cancelledAt).toMillis();
        assertThat(woken.json().get("state").asString()).isEqualTo("CANCELLED");
        assertThat(waitedAfterCancel).as("answered on the change, not on its timeout").isLessThan(10_000);
        awaitStock(product, 10, 0);
        awaitAccount(customer, "100.00", "0.00");
        assertThat(suite.orders().post("/orders/" + orderId + "/cancel", "").status()).isEqualTo(409);
    }

    @Test
    void customerListIsNewestFirst() {
        String product = unique("p");
        String customer = unique("c");
        given.stock(product, 10);
        given.fund(customer, "100.00");
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            placed.add(given.order(customer, product, 1, "1.00"));
        }
        Collections.reverse(placed);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpJson.Response list = suite.orders().get("/orders?customerId=" + customer);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().valueStream().map(o -> o.get("id").asString()).toList()).isEqualTo(placed);
        });
    }

    private List<String> placeConcurrently(int orders, int threads, java.util.function.IntFunction<String> body) {
        return Concurrently.call(orders, threads, i -> {
            HttpJson.Response answer = suite.orders().post("/orders", body.apply(i));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            return answer.json().get("id").asString();
        });
    }

    private String finalState(String orderId) {
        HttpJson.Response answer = suite.orders().get("/orders/" + orderId + "?until=VALIDATED&timeoutMs=30000");
        return answer.json().get("state").asString();
    }

    private static List<String> reasons(JsonNode order) {
        return order.get("rejections").valueStream().map(r -> r.get("reason").asString()).toList();
    }

    private static void awaitStock(String product, long onHand, long reserved) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode stock = given.stockOf(product);
            assertThat(stock.get("onHand").asLong()).isEqualTo(onHand);
            assertThat(stock.get("reserved").asLong()).isEqualTo(reserved);
        });
    }

    private static void awaitAccount(String customer, String balance, String held) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode account = given.accountOf(customer);
            assertThat(money(account, "balance")).isEqualByComparingTo(balance);
            assertThat(money(account, "held")).isEqualByComparingTo(held);
        });
    }
}
