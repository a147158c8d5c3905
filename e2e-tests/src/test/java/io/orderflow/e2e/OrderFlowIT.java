package io.orderflow.e2e;

import static io.orderflow.e2e.Fixtures.money;
import static io.orderflow.e2e.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.order.OrderCommand;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.PlaceOrder;
import io.orderflow.events.shipment.ShipmentCreated;
import io.orderflow.events.topics.Topics;
import io.orderflow.service.trace.TraceParent;
import io.orderflow.testsupport.http.HttpJson;
import io.orderflow.testsupport.kafka.TopicProbe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The whole flow, basket to shipped, with all five services as separate JVMs on a real broker. */
class OrderFlowIT {

    @AutoClose
    private static Suite suite;
    private static Fixtures given;

    @BeforeAll
    static void start() {
        suite = Suite.start(Suite.ALL, Map.of());
        given = new Fixtures(suite);
    }

    @Test
    void basketCheckoutBecomesAnOrderThatShips() {
        String product = unique("p");
        String customer = unique("c");
        given.stock(product, 10);
        given.fund(customer, "100.00");
        assertThat(suite.basket().post("/baskets/" + customer + "/items",
                "{\"productId\":\"" + product + "\",\"quantity\":2,\"unitPrice\":7.50}").status()).isEqualTo(200);

        HttpJson.Response checkout = suite.basket().post("/baskets/" + customer + "/checkout", "");
        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(202);
        String orderId = checkout.json().get("orderId").asString();

        JsonNode order = given.awaitState(orderId, "SHIPPED");
        assertThat(money(order, "total")).isEqualByComparingTo("15.00");
        assertThat(order.get("shipmentId").isNull()).isFalse();
        HttpJson.Response shipment = suite.fulfillment().get("/shipments/" + orderId);
        assertThat(shipment.status()).isEqualTo(200);
        assertThat(shipment.json().get("shipmentId").asString()).isEqualTo(order.get("shipmentId").asString());
        assertThat(shipment.json().get("status").asString()).isEqualTo("SHIPPED");
        JsonNode basket = suite.basket().get("/baskets/" + customer).json();
        assertThat(basket.get("items").size()).isZero();
    }

    /**
     * The proof against the real authorization server: a customer token from the dev issuer places and reads that
     * customer's own order, and a request without a token is refused; the probes stay open.
     */
    @Test
    void aCustomerTokenFromTheDevIssuerPlacesAndReadsTheCustomersOwnOrderAndNoTokenIsA401() {
        String product = unique("p");
        String customer = unique("c");
        given.stock(product, 10);
        given.fund(customer, "100.00");
        HttpJson asCustomer = suite.orders().as(suite.tokens().customer(customer));
        String orderId = unique("o");

        HttpJson.Response placed = asCustomer.post("/orders", Fixtures.orderJson(orderId, customer, product, 1, "5.00"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        HttpJson.Response read = asCustomer.get("/orders/" + orderId);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("customerId").asString()).isEqualTo(customer);

        HttpJson anonymous = suite.orders().anonymous();
        HttpJson.Response readAnonymously = anonymous.get("/orders/" + orderId);
        assertThat(readAnonymously.status()).as(readAnonymously.toString()).isEqualTo(401);
        HttpJson.Response placedAnonymously = anonymous.post("/orders",
                Fixtures.orderJson(unique("o"), customer, product, 1, "5.00"));
        assertThat(placedAnonymously.status()).as(placedAnonymously.toString()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void shippedOrderDeductsStockAndCapturesPaymentExactlyOnce() {
        String product = unique("p");
        String customer = unique("c");
        given.stock(product, 10);
        given.fund(customer, "100.00");

        String orderId = given.order(customer, product, 2, "10.00");
        JsonNode order = given.awaitState(orderId, "SHIPPED");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode stock = given.stockOf(product);
            assertThat(stock.get("onHand").asLong()).isEqualTo(8);
            assertThat(stock.get("reserved").asLong()).isZero();
            JsonNode account = given.accountOf(customer);
            assertThat(money(account, "balance")).isEqualByComparingTo("80.00");
            assertThat(money(account, "held")).isEqualByComparingTo("0.00");
        });
        List<ConsumerRecord<String, ShipmentCreated>> shipments = TopicProbe.readAll(suite.bootstrapServers(), Topics.SHIPMENTS)
                .stream().filter(r -> r.value().orderId().equals(orderId)).toList();
        assertThat(shipments).hasSize(1);
        assertThat(shipments.get(0).value().shipmentId()).isEqualTo(order.get("shipmentId").asString());

        // The trace started by the POST crossed Kafka through every service the order went through.
        String trace = traceOf(TopicProbe.readAll(suite.bootstrapServers(), Topics.ORDER_COMMANDS).stream()
                .filter(r -> r.key().equals(orderId)).findFirst().orElseThrow());
        assertThat(trace).isNotNull();
        assertThat(traceOf(shipments.get(0))).as("fulfillment-service").isEqualTo(trace);
        assertThat(TopicProbe.readAll(suite.bootstrapServers(), Topics.ORDER_VALIDATIONS).stream()
                .filter(r -> r.key().equals(orderId)).map(OrderFlowIT::traceOf).toList())
                .as("stock- and payment-service").hasSize(2).containsOnly(trace);
        assertThat(TopicProbe.readAll(suite.bootstrapServers(), Topics.ORDERS).stream()
                .filter(r -> r.key().equals(orderId)).map(OrderFlowIT::traceOf).toList())
                .as("orders-service").hasSize(3).containsOnly(trace);
    }

    @Test
    void cancelAfterShippingIsRefusedAndChangesNothing() {
        String product = unique("p");
        String customer = unique("c");
        given.stock(product, 5);
        given.fund(customer, "50.00");
        String orderId = given.order(customer, product, 1, "10.00");
        given.awaitState(orderId, "SHIPPED");

        HttpJson.Response cancel = suite.orders().post("/orders/" + orderId + "/cancel", "");

        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.contentType()).startsWith("application/problem+json");
        assertThat(cancel.json().get("detail").asString()).contains("SHIPPED");
        assertThat(suite.orders().get("/orders/" + orderId).json().get("state").asString()).isEqualTo("SHIPPED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(money(given.accountOf(customer), "balance")).isEqualByComparingTo("40.00"));
    }

    @Test
    void hourlyAnalyticsCountOrdersInTheHourTheyWereCreated() {
        String product = unique("p");
        String customer = unique("c");
        given.stock(product, 100);
        given.fund(customer, "1000.00");
        JsonNode first = suite.orders().get("/orders/" + given.order(customer, product, 2, "1.00")).json();
        JsonNode second = suite.orders().get("/orders/" + given.order(customer, product, 3, "1.00")).json();
        // An order created in the previous hour (a late event): written as orders-service's own command would be.
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        String lateId = unique("late");
        TopicProbe.send(suite.bootstrapServers(), Topics.ORDER_COMMANDS, lateId, (OrderCommand) new PlaceOrder(
                unique("cmd"), lateId, customer, List.of(new OrderLine(product, 4, BigDecimal.ONE)), anHourAgo));

        Instant hourOfFirst = Instant.parse(first.get("createdAt").asString()).truncatedTo(ChronoUnit.HOURS);
        Instant hourOfSecond = Instant.parse(second.get("createdAt").asString()).truncatedTo(ChronoUnit.HOURS);
        Instant hourOfLate = anHourAgo.truncatedTo(ChronoUnit.HOURS);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpJson.Response answer = suite.orders().get("/analytics/orders/hourly?productId=" + product);
            assertThat(answer.status()).isEqualTo(200);
            List<JsonNode> rows = answer.json().valueStream().toList();
            assertThat(rows).isNotEmpty();
            assertThat(rows.get(0).get("windowStart").asString()).startsWith(hourOfLate.toString().substring(0, 13));
            assertThat(unitsIn(rows, hourOfLate)).isEqualTo(4);
            long current = hourOfFirst.equals(hourOfSecond) ? 5 : 2;
            assertThat(unitsIn(rows, hourOfFirst)).isEqualTo(current + (hourOfFirst.equals(hourOfLate) ? 4 : 0));
            assertThat(rows.stream().mapToLong(r -> r.get("orders").asLong()).sum()).isEqualTo(3);
            assertThat(rows.stream().mapToLong(r -> r.get("units").asLong()).sum()).isEqualTo(9);
        });
    }

    private static String traceOf(ConsumerRecord<?, ?> record) {
        return TraceParent.from(record.headers()).map(TraceParent::traceId).orElse(null);
    }

    private static long unitsIn(List<JsonNode> rows, Instant windowStart) {
        return rows.stream().filter(r -> Instant.parse(r.get("windowStart").asString()).equals(windowStart))
                .mapToLong(r -> r.get("units").asLong()).sum();
    }
}
