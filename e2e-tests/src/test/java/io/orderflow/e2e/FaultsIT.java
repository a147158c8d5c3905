package io.orderflow.e2e;

import static io.orderflow.e2e.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.testsupport.http.HttpJson;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Faults in the middle of the flow, all five services running as their own JVMs on a broker that is itself
 * a child JVM (so it can be stopped and started): the broker gone for 20 seconds, and services killed with
 * SIGKILL. Afterwards every accepted order is final and the books balance ({@link Invariants}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final Duration OUTAGE = Duration.ofSeconds(20);
    @RegisterExtension
    static final OwnBroker.ForTheClass OWN = new OwnBroker.ForTheClass("orderflow-faults-");

    @Test
    @Order(1)
    void brokerDownForTwentySecondsFailsPostsFastAndLosesNoAcceptedOrder() throws Exception {
        Invariants books = new Invariants(OWN.suite());
        List<String> products = List.of(unique("p"), unique("p"));
        List<String> customers = List.of(unique("c"), unique("c"));
        products.forEach(p -> books.stock(p, 50));
        customers.forEach(c -> books.fund(c, "500.00"));
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accepted.add(new Fixtures(OWN.suite()).order(customers.get(i % 2), products.get(i % 2), 1 + i % 3, "4.00"));
        }

        assertThat(OWN.broker().stop(Duration.ofSeconds(30))).isTrue();
        long down = System.nanoTime();
        HttpJson.Response health = OWN.suite().orders().get("/actuator/health");
        assertThat(health.json().get("components").get("kafka").get("status").asString()).as(health.body())
                .isEqualTo("DOWN");
        assertThat(OWN.suite().orders().get("/actuator/health/liveness").status()).as("an outage is no reason to restart")
                .isEqualTo(200);
        while (Duration.ofNanos(System.nanoTime() - down).compareTo(OUTAGE) < 0) {
            String id = unique("o");
            long asked = System.nanoTime();
            HttpJson.Response answer = OWN.suite().orders().post("/orders",
                    Fixtures.orderJson(id, customers.get(0), products.get(0), 1, "4.00"));
            long tookMs = Duration.ofNanos(System.nanoTime() - asked).toMillis();
            assertThat(answer.status()).as("POST during the outage: " + answer).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(tookMs).as("fails fast").isLessThan(15_000);
            refused.add(id);
        }
        OWN.broker().start();
        OWN.broker().awaitReady(Duration.ofSeconds(90));
        await().atMost(Duration.ofSeconds(60)).ignoreException(UncheckedIOException.class).until(() -> "UP".equals(
                OWN.suite().orders().get("/actuator/health").json().get("components").get("kafka").get("status").asString()));

        for (int i = 0; i < 10; i++) {
            String id = unique("o");
            String body = Fixtures.orderJson(id, customers.get(i % 2), products.get(i % 2), 1 + i % 3, "4.00");
            // Services reconnect on their own; a client retries the same id, which never makes a second order.
            await().atMost(Duration.ofSeconds(120)).ignoreException(UncheckedIOException.class)
                    .until(() -> retryable(OWN.suite().orders().post("/orders", body)));
            accepted.add(id);
        }

        Map<String, JsonNode> settled = books.assertSettled(accepted, Duration.ofSeconds(120));
        assertThat(settled.values()).extracting(o -> o.get("state").asString()).containsOnly("SHIPPED");
        for (String id : refused) {
            assertThat(OWN.suite().orders().get("/orders/" + id).status()).as("a refused POST made no order").isEqualTo(404);
        }
    }

    @Test
    @Order(2)
    void servicesKilledMidFlowKeepExactlyOnce() {
        Invariants books = new Invariants(OWN.suite());
        List<String> products = List.of(unique("p"), unique("p"), unique("p"));
        List<String> customers = List.of(unique("c"), unique("c"), unique("c"));
        products.forEach(p -> books.stock(p, 30));
        customers.forEach(c -> books.fund(c, "120.00"));
        List<String> kills = List.of("payment-service", "stock-service", "fulfillment-service", "orders-service");
        List<String> accepted = new ArrayList<>();
        int orders = 100;
        for (int i = 0; i < orders; i++) {
            if (i > 0 && i % 20 == 0) {
                String victim = kills.get(i / 20 - 1);
                OWN.suite().kill(victim);
                OWN.suite().restart(victim);
            }
            String id = unique("o");
            String body = Fixtures.orderJson(id, customers.get(i % 3), products.get(i % 3), 1 + i % 2, "3.00");
            await().atMost(Duration.ofSeconds(120)).ignoreException(UncheckedIOException.class)
                    .until(() -> retryable(OWN.suite().orders().post("/orders", body)));
            accepted.add(id);
        }
        Suite.ALL.forEach(OWN.suite()::awaitReady);

        Map<String, JsonNode> settled = books.assertSettled(accepted, Duration.ofSeconds(120));
        assertThat(settled.values()).extracting(o -> o.get("state").asString()).containsOnly("SHIPPED", "REJECTED");
    }

    /** True once the POST was answered 201 or 200 (a retry of an order that was in fact taken). */
    private static boolean retryable(HttpJson.Response answer) {
        return answer.status() == 201 || answer.status() == 200;
    }
}
