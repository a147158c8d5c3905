package io.orderflow.orders.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.orders.OrdersServiceApplication;
import io.orderflow.orders.OrdersServiceTestProperties;
import io.orderflow.testsupport.http.FreePorts;
import io.orderflow.testsupport.http.HttpJson;
import io.orderflow.testsupport.kafka.TestKafka;
import io.orderflow.testsupport.security.TestIssuer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of orders-service on one broker, each holding a share of every customer's list and every
 * product's hours: pages and analytics gathered from both, the share requests carrying limit, cursor and
 * range through. (Instances of other test classes still running in this JVM join the same group; the
 * gather asks them too, and nothing here depends on how many there are.) While the group rebalances an
 * instance answers 503 with Retry-After; the test retries then, as the contract lets a client. Reads passed
 * from one instance to the other carry the caller's token and are checked there as the caller's own.
 */
class CustomerListAcrossInstancesIT {

    private static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();
    private static HttpJson first;
    private static HttpJson second;

    @BeforeAll
    static void startTwoInstances() {
        first = start();
        second = start();
        for (HttpJson instance : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> instance.get("/actuator/health/readiness").status() == 200);
        }
        // Settled: each instance can gather every instance's share.
        await().atMost(Duration.ofSeconds(90)).until(() -> first.get("/orders?customerId=c-probe").status() == 200
                && second.get("/orders?customerId=c-probe").status() == 200);
    }

    private static HttpJson start() {
        int port = FreePorts.next();
        INSTANCES.add(new SpringApplicationBuilder(OrdersServiceApplication.class).run(
                "--server.port=" + port,
                "--orderflow.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--orderflow.data-dir=" + TestKafka.newDataDir(),
                "--orderflow.jwt.issuer-uri=" + TestIssuer.shared().uri(),
                // The test contexts of this JVM share the order partitions: the same timeout as theirs.
                "--orderflow.order-timeout=" + OrdersServiceTestProperties.ORDER_TIMEOUT));
        return HttpJson.localhost(port).as(TestIssuer.shared()::admin);
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void pagesGatheredFromEveryInstanceHoldEachOrderOnceInOrderWhicheverInstanceIsAsked() {
        String customer = "c-" + UUID.randomUUID();
        String product = "p-" + UUID.randomUUID();
        List<String> placed = new ArrayList<>();
        List<Instant> createdAt = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String id = "o-" + UUID.randomUUID();
            HttpJson instance = i % 2 == 0 ? first : second;
            HttpJson.Response created = retried(() -> instance.post("/orders", OrdersApiIT.order(id, customer, product, 1, "1.00")));
            assertThat(created.status()).as("created, or created by an earlier try: " + created).isIn(200, 201);
            placed.add(id);
            createdAt.add(Instant.parse(created.json().get("createdAt").asString()));
        }

        // Once the group has settled (a rebalance answers 503), each instance holds only a share and either gathers all.
        List<String> whole = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (HttpJson instance : List.of(first, second)) {
                HttpJson.Response share = instance.get("/orders?customerId=" + customer + "&limit=1000&share=local");
                assertThat(share.status()).as(share.toString()).isEqualTo(200);
                assertThat(share.json().size()).as("a share, not the whole list").isLessThan(25);
                HttpJson.Response all = instance.get("/orders?customerId=" + customer + "&limit=1000");
                assertThat(all.status()).as(all.toString()).isEqualTo(200);
                assertThat(ids(all)).containsExactlyInAnyOrderElementsOf(placed);
                whole.clear();
                whole.addAll(ids(all));
            }
        });

        List<String> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String next = "/orders?customerId=" + customer + "&limit=10";
        for (int page = 0; next != null; page++) {
            // The cursor is the list's, not an instance's: ask them in turn.
            HttpJson instance = page % 2 == 0 ? second : first;
            String path = next;
            HttpJson.Response answer = retried(() -> instance.get(path));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            paged.addAll(ids(answer));
            sizes.add(answer.json().size());
            next = OrdersApiIT.nextLink(answer);
            String newer = OrdersApiIT.order("o-" + UUID.randomUUID(), customer, "p-1", 1, "1.00");
            assertThat(retried(() -> first.post("/orders", newer)).status()).isIn(200, 201);
        }
        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(paged).containsExactlyElementsOf(whole);

        Instant from = createdAt.get(0).truncatedTo(ChronoUnit.HOURS);
        Instant to = createdAt.get(24).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        for (HttpJson instance : List.of(first, second)) {
            HttpJson.Response hourly = retried(() -> instance.get("/analytics/orders/hourly?productId=" + product
                    + "&from=" + from + "&to=" + to));
            assertThat(hourly.status()).as(hourly.toString()).isEqualTo(200);
            assertThat(hourly.json().valueStream().mapToLong(r -> r.get("orders").asLong()).sum())
                    .as("both shares of the 25, counted once").isEqualTo(25);
        }
    }

    @Test
    void aCustomerReadsTheirOwnOrdersThroughEitherInstanceAndNobodyElses() {
        String customer = "c-" + UUID.randomUUID();
        HttpJson.Response probe;
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = "o-" + UUID.randomUUID();
            HttpJson instance = (i % 2 == 0 ? first : second).as(TestIssuer.shared().customer(customer));
            probe = retried(() -> instance.post("/orders", OrdersApiIT.order(id, customer, "p-1", 1, "1.00")));
            assertThat(probe.status()).as(probe.toString()).isIn(200, 201);
            placed.add(id);
        }
        String other = TestIssuer.shared().customer("c-" + UUID.randomUUID());
        for (HttpJson instance : List.of(first, second)) {
            HttpJson own = instance.as(TestIssuer.shared().customer(customer));
            HttpJson.Response list = retried(() -> own.get("/orders?customerId=" + customer));
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            assertThat(ids(list)).as("every share, gathered with the customer's token").containsExactlyInAnyOrderElementsOf(placed);
            assertThat(retried(() -> instance.as(other).get("/orders?customerId=" + customer)).status())
                    .as("another customer's list").isEqualTo(403);
            assertThat(instance.anonymous().get("/orders?customerId=" + customer).status()).isEqualTo(401);
            // Each instance holds about half of the orders: the rest are read from the other, as the caller.
            for (String id : placed) {
                HttpJson.Response mine = retried(() -> own.get("/orders/" + id));
                assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
                HttpJson.Response theirs = retried(() -> instance.as(other).get("/orders/" + id));
                assertThat(theirs.status()).as("another customer's order reads as unknown: " + theirs).isEqualTo(404);
            }
        }
    }

    /** The answer once it is not a 503 (a rebalance); a repeated POST of one order id is one order. */
    private static HttpJson.Response retried(Supplier<HttpJson.Response> request) {
        AtomicReference<HttpJson.Response> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            answer.set(request.get());
            return answer.get().status() != 503;
        });
        return answer.get();
    }

    private static List<String> ids(HttpJson.Response list) {
        return list.json().valueStream().map(o -> o.get("id").asString()).toList();
    }
}
