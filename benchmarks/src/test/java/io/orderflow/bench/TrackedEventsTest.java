package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderCheckCompleted;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.shipment.ShipmentCreated;
import io.orderflow.events.topics.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackedEventsTest {

    private static final Instant CREATED = Instant.parse("2026-11-25T10:00:00.120Z");
    private static final Instant UPDATED = Instant.parse("2026-11-25T10:00:00.300456Z");
    private static final List<OrderLine> LINES = List.of(new OrderLine("p-1", 2, new BigDecimal("19.99")));

    @Test
    void readsWhatTheSuiteWritesWithoutBindingIt() {
        for (OrderState state : List.of(OrderState.CREATED, OrderState.VALIDATED, OrderState.SHIPPED)) {
            byte[] json = Topics.ORDERS.valueSerde().serializer().serialize("orders", change(state, List.of()));

            assertThat(TrackedEvents.streamedStateChange(json))
                    .isEqualTo(new TrackedEvents.StateChange("o-1", state, Micros.of(UPDATED), Set.of()));
        }
        byte[] rejected = Topics.ORDERS.valueSerde().serializer().serialize("orders", change(OrderState.REJECTED,
                List.of(new Rejection(CheckType.STOCK, RejectionReason.INSUFFICIENT_STOCK, "p-1: wanted 2"),
                        new Rejection(CheckType.PAYMENT, RejectionReason.INSUFFICIENT_FUNDS, ""))));
        assertThat(TrackedEvents.streamedStateChange(rejected)).isEqualTo(new TrackedEvents.StateChange("o-1",
                OrderState.REJECTED, Micros.of(UPDATED),
                Set.of(RejectionReason.INSUFFICIENT_STOCK, RejectionReason.INSUFFICIENT_FUNDS)));

        byte[] verdict = Topics.ORDER_VALIDATIONS.valueSerde().serializer().serialize("order-validations",
                OrderCheckCompleted.payment("o-1", null, UPDATED));
        assertThat(TrackedEvents.streamedVerdict(verdict))
                .isEqualTo(new TrackedEvents.Verdict("o-1", CheckType.PAYMENT, Micros.of(UPDATED)));

        byte[] shipment = Topics.SHIPMENTS.valueSerde().serializer().serialize("shipments",
                new ShipmentCreated("s-o-1", "o-1", "c-1", LINES, CREATED));
        assertThat(TrackedEvents.streamedShipment(shipment))
                .isEqualTo(new TrackedEvents.Shipment("o-1", Micros.of(CREATED)));
    }

    @Test
    void readsTheSchemaFixtures() {
        // common-events/src/test/resources/fixtures/v1: what version 1 of each event looks like on the wire.
        assertThat(TrackedEvents.streamedStateChange(bytes("{\"type\":\"OrderStateChanged\",\"version\":1,"
                + "\"eventId\":\"o-1/REJECTED\",\"order\":{\"id\":\"o-1\",\"customerId\":\"c-1\",\"items\":[{\"productId\":"
                + "\"p-1\",\"quantity\":2,\"unitPrice\":19.99}],\"total\":39.98,\"state\":\"REJECTED\",\"rejections\":"
                + "[{\"service\":\"stock\",\"reason\":\"INSUFFICIENT_STOCK\",\"detail\":\"p-1: wanted 2, available 1\"}],"
                + "\"createdAt\":\"2026-11-25T10:00:00.120Z\",\"updatedAt\":\"2026-11-25T10:00:00.300Z\","
                + "\"shipmentId\":null},\"previousState\":\"CREATED\"}")))
                .isEqualTo(new TrackedEvents.StateChange("o-1", OrderState.REJECTED,
                        Micros.of(Instant.parse("2026-11-25T10:00:00.300Z")), Set.of(RejectionReason.INSUFFICIENT_STOCK)));
        assertThat(TrackedEvents.streamedShipment(bytes("{\"type\":\"ShipmentCreated\",\"version\":1,\"shipmentId\":"
                + "\"s-o-1\",\"orderId\":\"o-1\",\"customerId\":\"c-1\",\"items\":[{\"productId\":\"p-1\",\"quantity\":2,"
                + "\"unitPrice\":19.99}],\"createdAt\":\"2026-11-25T10:00:01Z\"}")))
                .isEqualTo(new TrackedEvents.Shipment("o-1", Micros.of(Instant.parse("2026-11-25T10:00:01Z"))));
    }

    @Test
    void anEventTheStreamingPassDoesNotKnowIsReadByTheSerde() {
        // Valid for the serde, not the usual form: the time as decimal epoch seconds (Jackson's other Instant form).
        byte[] json = bytes("{\"type\":\"OrderStateChanged\",\"version\":1,\"eventId\":\"o-1/SHIPPED\",\"order\":"
                + "{\"id\":\"o-1\",\"customerId\":\"c-1\",\"items\":[{\"productId\":\"p-1\",\"quantity\":2,"
                + "\"unitPrice\":19.99}],\"total\":39.98,\"state\":\"SHIPPED\",\"createdAt\":\"2026-11-25T10:00:00.120Z\","
                + "\"updatedAt\":" + UPDATED.getEpochSecond() + ".300456}}");

        assertThat(TrackedEvents.streamedStateChange(json)).isNull();
        assertThat(TrackedEvents.stateChange(json))
                .isEqualTo(new TrackedEvents.StateChange("o-1", OrderState.SHIPPED, Micros.of(UPDATED), Set.of()));
    }

    @Test
    void fieldOrderAndAMissingVersionAreTheSerdesRulesToo() {
        byte[] json = bytes("{\"order\":{\"updatedAt\":\"2026-11-25T10:00:00.300456Z\",\"state\":\"CREATED\","
                + "\"rejections\":null,\"id\":\"o-1\",\"customerId\":\"c-1\",\"items\":[{\"productId\":\"p-1\","
                + "\"quantity\":2,\"unitPrice\":19.99}],\"total\":39.98,\"createdAt\":\"2026-11-25T10:00:00.120Z\"},"
                + "\"eventId\":\"o-1/CREATED\",\"type\":\"OrderStateChanged\"}");
        TrackedEvents.StateChange expected = new TrackedEvents.StateChange("o-1", OrderState.CREATED, Micros.of(UPDATED),
                Set.of());

        assertThat(TrackedEvents.streamedStateChange(json)).isEqualTo(expected);
        OrderStateChanged bound = Topics.ORDERS.valueSerde().deserializer().deserialize("orders", json);
        assertThat(bound.state()).isEqualTo(OrderState.CREATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "{\"type\":\"ShipmentCreated\",\"version\":1}",
            "{\"type\":\"OrderStateChanged\",\"version\":2,\"eventId\":\"e\",\"order\":{}}",
            "{\"type\":\"OrderStateChanged\",\"version\":1,\"eventId\":\"e\",\"order\":{\"id\":\"o-1\",\"state\":\"LOST\","
                    + "\"updatedAt\":\"2026-11-25T10:00:00Z\"}}",
            "{\"type\":\"OrderStateChanged\",\"version\":1,\"eventId\":\"e\",\"order\":{\"id\":\"o-1\",\"state\":\"SHIPPED\","
                    + "\"updatedAt\":\"yesterday\"}}",
            "{\"type\":\"OrderStateChanged\",\"version\":1,\"eventId\":\"e\",\"order\":{\"state\":\"SHIPPED\","
                    + "\"updatedAt\":\"2026-11-25T10:00:00Z\"}}"})
    void whatNeitherPassCanReadIsUnreadable(String json) {
        assertThat(TrackedEvents.streamedStateChange(bytes(json))).isNull();
        assertThatThrownBy(() -> TrackedEvents.stateChange(bytes(json))).isInstanceOf(SerializationException.class);
    }

    @Test
    void aRecordWithoutAValueIsUnreadable() {
        assertThatThrownBy(() -> TrackedEvents.shipment(null)).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> TrackedEvents.verdict(bytes("{\"type\":\"OrderCheckCompleted\",\"version\":1,"
                + "\"orderId\":\"o-1\",\"check\":\"STOCK\",\"passed\":true,\"checkedAt\":\"2026-11-25T10:00:00Z\"}")))
                .as("checks are lower case on the wire").isInstanceOf(SerializationException.class);
    }

    private static OrderStateChanged change(OrderState state, List<Rejection> rejections) {
        Order order = new Order("o-1", "c-1", LINES, Order.totalOf(LINES), state, rejections, CREATED, UPDATED,
                state == OrderState.SHIPPED ? "s-o-1" : null);
        return new OrderStateChanged("o-1/" + state, order, state == OrderState.CREATED ? null : OrderState.CREATED);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
