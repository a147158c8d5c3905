package io.orderflow.e2e;

import static io.orderflow.e2e.Fixtures.money;
import static io.orderflow.e2e.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.order.OrderState;
import io.orderflow.events.topics.Topics;
import io.orderflow.testsupport.http.HttpJson;
import io.orderflow.testsupport.kafka.TopicProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of orders-, stock- and payment-service: queries across instances, hard kills under load,
 * restoration from the changelog, readiness through rebalances. fulfillment-service is not running, so
 * validated orders keep their reservations and holds, which the invariants check.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static Suite suite;
    private static Fixtures given;

    @BeforeAll
    static void start() {
        suite = Suite.start(List.of("orders-service", "orders-service", "stock-service", "stock-service",
                "payment-service", "payment-service"), Map.of());
        given = new Fixtures(suite);
    }

    @AfterAll
    static void stop() {
        suite.close();
    }

    @Test
    @Order(1)
    void anOrderWrittenThroughOneInstanceIsReadThroughTheOtherIncludingByLongPoll() {
        String product = unique("p");
        String customer = unique("c");
        given.stock(product, 100);
        given.fund(customer, "1000.00");
        HttpJson first = suite.http("orders-service");
        HttpJson second = suite.http("orders-service-2");

        for (int i = 0; i < 12; i++) {
            String id = unique("o");
            HttpJson writer = i % 2 == 0 ? first : second;
            HttpJson reader = i % 2 == 0 ? second : first;
            assertThat(writer.post("/orders", Fixtures.orderJson(id, customer, product, 1, "1.00")).status()).isEqualTo(201);

            HttpJson.Response read = reader.get("/orders/" + id);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            HttpJson.Response polled = reader.get("/orders/" + id + "?until=VALIDATED&timeoutMs=30000");
            assertThat(polled.json().get("state").asString()).isEqualTo("VALIDATED");
        }
        HttpJson.Response list = second.get("/orders?customerId=" + customer);
        assertThat(list.json().size()).isEqualTo(12);
    }

    @Test
    @Order(2)
    void hardKillsOfStockAndPaymentUnderLoadLoseNothingAndDoubleNothing() throws Exception {
        List<String> products = List.of(unique("p"), unique("p"), unique("p"));
        List<String> customers = List.of(unique("c"), unique("c"), unique("c"), unique("c"));
        products.forEach(p -> given.stock(p, 40));
        customers.forEach(c -> given.fund(c, "60.00"));
        ConcurrentLinkedQueue<String> placed = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService load = Executors.newScheduledThreadPool(4);
        int orders = 160;
        List<CompletableFuture<Void>> posts = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            int n = i;
            CompletableFuture<Void> post = new CompletableFuture<>();
            posts.add(post);
            // a steady stream: about 20 orders a second, through both orders-service instances
            load.schedule(() -> {
                try {
                    String id = unique("o");
                    HttpJson instance = suite.http(n % 2 == 0 ? "orders-service" : "orders-service-2");
                    HttpJson.Response answer = instance.post("/orders", Fixtures.orderJson(id, customers.get(n % 4),
                            products.get(n % 3), 1 + n % 2, "2.50"));
                    if (answer.status() == 201) {
                        placed.add(id);
                    }
                    post.complete(null);
                } catch (RuntimeException e) {
                    post.completeExceptionally(e);
                }
            }, 50L * i, TimeUnit.MILLISECONDS);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> placed.size() >= orders / 4);
        suite.kill("stock-service-2");
        suite.kill("payment-service-2");
        await().atMost(Duration.ofSeconds(60)).until(() -> placed.size() >= orders * 3 / 4);
        suite.restart("stock-service-2");
        suite.restart("payment-service-2");
        CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        load.shutdown();
        suite.awaitReady("stock-service-2");
        suite.awaitReady("payment-service-2");

        assertThat(placed).as("every POST accepted").hasSize(orders);
        Map<String, JsonNode> finalOrders = placed.stream().collect(Collectors.toMap(Function.identity(), id -> {
            HttpJson.Response answer = suite.orders().get("/orders/" + id + "?until=VALIDATED&timeoutMs=30000");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            return answer.json();
        }));
        assertThat(finalOrders.values()).as("every accepted order reached a decision")
                .allSatisfy(o -> assertThat(o.get("state").asString()).isIn("VALIDATED", "REJECTED"));

        List<JsonNode> validated = finalOrders.values().stream()
                .filter(o -> o.get("state").asString().equals("VALIDATED")).toList();
        for (String product : products) {
            long units = validated.stream().flatMap(o -> o.get("items").valueStream())
                    .filter(l -> l.get("productId").asString().equals(product))
                    .mapToLong(l -> l.get("quantity").asLong()).sum();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode stock = given.stockOf(product);
                assertThat(stock.get("reserved").asLong()).as("reserved = units of open orders of " + product).isEqualTo(units);
                assertThat(stock.get("onHand").asLong()).isEqualTo(40);
                assertThat(stock.get("available").asLong()).isGreaterThanOrEqualTo(0);
            });
        }
        for (String customer : customers) {
            BigDecimal held = validated.stream().filter(o -> o.get("customerId").asString().equals(customer))
                    .map(o -> o.get("total").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode account = given.accountOf(customer);
                assertThat(money(account, "held")).as("held = totals of open orders of " + customer).isEqualByComparingTo(held);
                assertThat(money(account, "available")).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            });
        }
        Map<String, Long> validatedEvents = TopicProbe.readAll(suite.bootstrapServers(), Topics.ORDERS).stream()
                .map(ConsumerRecord::value)
                .filter(e -> e.state() == OrderState.VALIDATED && placed.contains(e.order().id()))
                .collect(Collectors.groupingBy(e -> e.order().id(), Collectors.counting()));
        assertThat(validatedEvents).as("no order validated twice").allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        assertThat(validatedEvents).hasSize(validated.size());
    }

    @Test
    @Order(3)
    void aRestartedInstanceRestoresItsStateFromTheChangelogAndAnswersTheSame() throws Exception {
        List<String> products = List.of(unique("p"), unique("p"), unique("p"), unique("p"), unique("p"), unique("p"));
        for (int i = 0; i < products.size(); i++) {
            given.stock(products.get(i), 10 + i);
        }
        Map<String, String> before = reads(products);

        suite.kill("stock-service-2");
        wipe(suite.service("stock-service-2").stateDir());
        long restartedAt = System.nanoTime();
        suite.restart("stock-service-2");
        suite.awaitReady("stock-service-2");
        long readyAfterMs = Duration.ofNanos(System.nanoTime() - restartedAt).toMillis();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(reads(products)).isEqualTo(before));
        System.out.printf("stock-service-2 restored from the changelog and was ready %d ms after restart%n", readyAfterMs);
    }

    @Test
    @Order(4)
    void readinessIsDownWhileAnInstanceJoinsAndUpOnceItRuns() {
        suite.kill("payment-service-2");
        suite.restart("payment-service-2");
        List<Integer> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            int status = readiness("payment-service-2");
            if (seen.isEmpty() || seen.get(seen.size() - 1) != status) {
                seen.add(status);
            }
            return status == 200;
        });
        assertThat(seen.get(0)).as("not ready before its Streams app runs").isNotEqualTo(200);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(200);
        assertThat(suite.http("payment-service-2").get("/actuator/health/readiness").body()).contains("RUNNING");
    }

    private static int readiness(String instance) {
        try {
            return suite.http(instance).get("/actuator/health/readiness").status();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    private static Map<String, String> reads(List<String> products) {
        Map<String, String> reads = new HashMap<>();
        for (String instance : List.of("stock-service", "stock-service-2")) {
            for (String product : products) {
                HttpJson.Response answer = suite.http(instance).get("/stock/" + product);
                reads.put(instance + " " + product, answer.status() + " " + answer.body());
            }
        }
        return reads;
    }

    private static void wipe(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

}
