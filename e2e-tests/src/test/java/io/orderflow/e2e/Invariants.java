package io.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.order.OrderState;
import io.orderflow.events.topics.Topics;
import io.orderflow.testsupport.http.HttpJson;
import io.orderflow.testsupport.kafka.TopicProbe;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

/**
 * The books of a finished run of the whole flow, checked after faults: every accepted order is final;
 * each product's {@code onHand + shipped units} equals what was stocked and nothing stays reserved; each
 * balance equals the starting balance minus the captured totals and nothing stays held; no shipment, and
 * no SHIPPED or VALIDATED event, appears twice.
 */
final class Invariants {

    private final Suite suite;
    private final Map<String, Long> stocked = new HashMap<>();
    private final Map<String, BigDecimal> funded = new HashMap<>();

    Invariants(Suite suite) {
        this.suite = suite;
    }

    void stock(String product, long quantity) {
        new Fixtures(suite).stock(product, quantity);
        stocked.put(product, quantity);
    }

    void fund(String customer, String balance) {
        new Fixtures(suite).fund(customer, balance);
        funded.put(customer, new BigDecimal(balance));
    }

    /** Waits for every order to be final, then checks the books; returns the final orders by id. */
    Map<String, JsonNode> assertSettled(Collection<String> orderIds, Duration within) {
        Map<String, JsonNode> orders = orderIds.stream().distinct().collect(Collectors.toMap(Function.identity(),
                id -> awaitFinal(id, within)));
        List<JsonNode> shipped = orders.values().stream().filter(o -> state(o) == OrderState.SHIPPED).toList();

        for (var product : stocked.entrySet()) {
            long units = shipped.stream().flatMap(o -> o.get("items").valueStream())
                    .filter(l -> l.get("productId").asString().equals(product.getKey()))
                    .mapToLong(l -> l.get("quantity").asLong()).sum();
            await().atMost(within).untilAsserted(() -> {
                JsonNode stock = suite.stock().get("/stock/" + product.getKey()).json();
                assertThat(stock.get("onHand").asLong() + units).as("onHand + shipped units of " + product.getKey())
                        .isEqualTo(product.getValue());
                assertThat(stock.get("reserved").asLong()).as("reserved of " + product.getKey()).isZero();
            });
        }
        for (var customer : funded.entrySet()) {
            BigDecimal captured = shipped.stream().filter(o -> o.get("customerId").asString().equals(customer.getKey()))
                    .map(o -> o.get("total").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
            await().atMost(within).untilAsserted(() -> {
                JsonNode account = suite.payment().get("/accounts/" + customer.getKey()).json();
                assertThat(account.get("balance").decimalValue()).as("balance of " + customer.getKey())
                        .isEqualByComparingTo(customer.getValue().subtract(captured));
                assertThat(account.get("held").decimalValue()).as("held of " + customer.getKey()).isZero();
            });
        }
        Set<String> ids = orders.keySet();
        Map<String, Long> shipments = TopicProbe.readAll(suite.bootstrapServers(), Topics.SHIPMENTS).stream()
                .map(ConsumerRecord::value).filter(s -> ids.contains(s.orderId()))
                .collect(Collectors.groupingBy(s -> s.orderId(), Collectors.counting()));
        assertThat(shipments.keySet()).as("a shipment for each shipped order only")
                .isEqualTo(shipped.stream().map(o -> o.get("id").asString()).collect(Collectors.toSet()));
        assertThat(shipments.values()).as("no shipment twice").allMatch(n -> n == 1);
        Map<String, Long> transitions = TopicProbe.readAll(suite.bootstrapServers(), Topics.ORDERS).stream()
                .map(ConsumerRecord::value).filter(e -> ids.contains(e.order().id()))
                .collect(Collectors.groupingBy(e -> e.eventId(), Collectors.counting()));
        assertThat(transitions.values()).as("no state reached twice").allMatch(n -> n == 1);
        return orders;
    }

    private JsonNode awaitFinal(String orderId, Duration within) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(within).untilAsserted(() -> {
            HttpJson.Response answer = suite.orders().get("/orders/" + orderId + "?until=SHIPPED&timeoutMs=10000");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            last[0] = answer.json();
            assertThat(state(last[0]).isFinal()).as(orderId + " final").isTrue();
        });
        return last[0];
    }

    private static OrderState state(JsonNode order) {
        return OrderState.valueOf(order.get("state").asString());
    }
}
