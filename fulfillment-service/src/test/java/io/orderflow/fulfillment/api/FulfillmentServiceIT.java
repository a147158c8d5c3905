package io.orderflow.fulfillment.api;

import io.orderflow.testsupport.security.AccessChecks;
import static io.orderflow.testsupport.http.Problems.assertIdProblem;
import static io.orderflow.testsupport.http.Problems.assertProblem;
import io.orderflow.testsupport.kafka.ConsumerProgress;
import static io.orderflow.testsupport.events.AnOrder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.shipment.ShipmentCreated;
import io.orderflow.events.topics.Topics;
import io.orderflow.fulfillment.FulfillmentServiceApplication;
import io.orderflow.testsupport.http.HttpJson;
import io.orderflow.testsupport.kafka.TestKafka;
import io.orderflow.testsupport.service.ServiceIT;
import io.orderflow.testsupport.service.ServiceUnderTest;
import io.orderflow.testsupport.kafka.TopicProbe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** fulfillment-service alone on a real broker: order events in, exactly one shipment out per order, reads. */
@ServiceIT(FulfillmentServiceApplication.class)
class FulfillmentServiceIT {

    private static final String APPLICATION_ID = "fulfillment-service";
    private static final List<OrderLine> ITEMS = List.of(
            new OrderLine("p-1", 2, new BigDecimal("19.99")), new OrderLine("p-2", 1, new BigDecimal("3.50")));

    private final ServiceUnderTest service;
    private final HttpJson http;

    FulfillmentServiceIT(ServiceUnderTest service) {
        this.service = service;
        this.http = service.http();
    }

    @Test
    void validatedOrderWrittenTwiceMakesExactlyOneShipment() throws Exception {
        String first = orderIn(OrderState.VALIDATED);
        String second = orderIn(OrderState.VALIDATED);
        send(first, OrderState.VALIDATED);
        send(second, OrderState.VALIDATED);

        awaitOrdersRead();

        for (String orderId : List.of(first, second)) {
            List<ShipmentCreated> made = shipmentsOf(orderId);
            assertThat(made).as(orderId).hasSize(1);
            assertThat(made.get(0).shipmentId()).isEqualTo("s-" + orderId);
            assertThat(made.get(0).customerId()).isEqualTo("c-1");
            assertThat(made.get(0).items()).isEqualTo(ITEMS);
        }
    }

    @Test
    void shipmentIsReadBackWithTheContractFields() {
        String orderId = orderIn(OrderState.VALIDATED);

        // The event is committed with the store change; once it is readable the store holds the shipment too.
        await().atMost(Duration.ofSeconds(60)).until(() -> shipmentsOf(orderId).size() == 1);
        HttpJson.Response read = http.get("/shipments/" + orderId);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);

        assertThat(read.contentType()).startsWith("application/json");
        JsonNode body = read.json();
        assertThat(body.propertyNames()).containsExactly("shipmentId", "orderId", "status", "items", "createdAt");
        assertThat(body.get("shipmentId").asString()).isEqualTo("s-" + orderId);
        assertThat(body.get("orderId").asString()).isEqualTo(orderId);
        assertThat(body.get("status").asString()).isEqualTo("SHIPPED");
        assertThat(body.get("items")).hasSize(2);
        assertThat(body.get("items").get(0).get("productId").asString()).isEqualTo("p-1");
        assertThat(body.get("items").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(body.get("items").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("19.99");
        assertThat(body.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(Instant.parse(body.get("createdAt").asString())).isEqualTo(shipmentsOf(orderId).get(0).createdAt());
    }

    @Test
    void ordersThatAreNotValidatedShipNothing() throws Exception {
        String created = orderIn(OrderState.CREATED);
        String rejected = orderIn(OrderState.REJECTED);

        awaitOrdersRead();

        assertThat(shipmentsOf(created)).isEmpty();
        assertThat(shipmentsOf(rejected)).isEmpty();
        HttpJson.Response missing = http.get("/shipments/" + created);
        assertProblem(missing, 404);
        assertThat(missing.json().get("detail").asString()).contains(created);
    }

    @Test
    void cancelThatWonTheRaceMarksTheShipmentCancelled() throws Exception {
        String orderId = orderIn(OrderState.VALIDATED);
        send(orderId, OrderState.CANCELLED);

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            HttpJson.Response read = http.get("/shipments/" + orderId);
            return read.status() == 200 && read.json().get("status").asString().equals("CANCELLED");
        });
        // A store read sees the task's writes before their transaction commits; the topic shows them after it.
        awaitOrdersRead();
        assertThat(shipmentsOf(orderId)).hasSize(1);
    }

    @Test
    void invalidOrderIdIs400Problem() {
        assertIdProblem(http.get("/shipments/bad%20id"), "orderId");

        HttpJson.Response tooLong = http.get("/shipments/" + "x".repeat(65));
        assertThat(tooLong.status()).isEqualTo(400);
    }

    /** A new order, written as having reached {@code state}; its id. */
    private static String orderIn(OrderState state) {
        String orderId = "o-" + UUID.randomUUID();
        send(orderId, state);
        return orderId;
    }

    /** Writes the order as orders-service does, with the {@link #ITEMS}, as having reached {@code state}. */
    private static void send(String orderId, OrderState state) {
        OrderStateChanged event = anOrder(orderId).withLine("p-1", 2, "19.99").withLine("p-2", 1, "3.50")
                .at(Instant.now().truncatedTo(ChronoUnit.MILLIS)).reaching(state, OrderState.CREATED);
        TopicProbe.send(TestKafka.bootstrapServers(), Topics.ORDERS, orderId, event);
    }

    /** Committed past every order written so far: whatever they make is readable now. */
    private static void awaitOrdersRead() throws Exception {
        ConsumerProgress.awaitCaughtUp(TestKafka.bootstrapServers(), APPLICATION_ID, Topics.ORDERS.name());
    }

    private static List<ShipmentCreated> shipmentsOf(String orderId) {
        return TopicProbe.readAll(TestKafka.bootstrapServers(), Topics.SHIPMENTS).stream()
                .filter(r -> r.key().equals(orderId)).map(ConsumerRecord::value).toList();
    }

    /** The 401/403 matrix: a customer reads the shipments of their own orders; another's reads as unknown. */
    @Test
    void aCustomerReadsTheShipmentsOfTheirOwnOrdersOnly() {
        AccessChecks access = new AccessChecks(http, service.issuer());
        String orderId = orderIn(OrderState.VALIDATED);
        await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/shipments/" + orderId).status() == 200);
        access.refusesWithoutAGoodToken("GET", "/shipments/" + orderId, null);

        // The orders of this test class are c-1's (AnOrder's default customer).
        assertThat(access.as(service.issuer().customer("c-1"), "GET", "/shipments/" + orderId, null).status())
                .isEqualTo(200);
        HttpJson.Response theirs = access.as(service.issuer().customer("c-2"), "GET", "/shipments/" + orderId, null);
        assertProblem(theirs, 404);
        access.forbids(service.issuer().metrics(), "GET", "/shipments/" + orderId, null);
    }
}
