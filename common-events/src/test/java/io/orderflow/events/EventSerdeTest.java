package io.orderflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.events.order.CancelOrder;
import io.orderflow.events.order.OrderCommand;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.PlaceOrder;
import io.orderflow.events.serde.EventSerde;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class EventSerdeTest {

    private final EventSerde<OrderCommand> serde = EventSerde.of(OrderCommand.class);

    private byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesTypeAndVersionAndReadsBackExactMoney() {
        PlaceOrder place = new PlaceOrder("c1", "o-1", "c-1", List.of(new OrderLine("p-1", 2, new BigDecimal("19.99"))),
                Instant.parse("2026-11-25T10:00:00.120Z"));

        byte[] json = serde.serialize("t", place);
        String text = new String(json, StandardCharsets.UTF_8);

        assertThat(text).startsWith("{\"type\":\"PlaceOrder\",\"version\":1,");
        assertThat(text).contains("\"unitPrice\":19.99").contains("\"requestedAt\":\"2026-11-25T10:00:00.120Z\"");
        assertThat(serde.deserialize("t", json)).isEqualTo(place);
    }

    @Test
    void ignoresUnknownFieldsAndReadsOlderVersions() {
        OrderCommand read = serde.deserialize("t", bytes("""
                {"type":"CancelOrder","version":1,"commandId":"c","orderId":"o-1",
                 "requestedAt":"2026-11-25T10:00:00Z","addedLater":{"x":1}}"""));
        assertThat(read).isEqualTo(new CancelOrder("c", "o-1", Instant.parse("2026-11-25T10:00:00Z")));
    }

    @Test
    void refusesPoisonWithAClearReason() {
        assertThatThrownBy(() -> serde.deserialize("t", bytes("not json"))).isInstanceOf(SerializationException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> serde.deserialize("t", bytes("{\"type\":\"Nope\"}")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown type");
        assertThatThrownBy(() -> serde.deserialize("t", bytes("{\"orderId\":\"o-1\"}")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("no 'type'");
        assertThatThrownBy(() -> serde.deserialize("t", bytes("{\"type\":\"CancelOrder\",\"version\":2,\"commandId\":\"c\",\"orderId\":\"o\",\"requestedAt\":\"2026-11-25T10:00:00Z\"}")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("newer");
        assertThatThrownBy(() -> serde.deserialize("t", bytes("{\"type\":\"CancelOrder\",\"version\":1,\"commandId\":\"c\"}")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("invalid CancelOrder");
    }

    @Test
    void refusesANumericStringForMoney() {
        assertThatThrownBy(() -> serde.deserialize("t", bytes("""
                {"type":"PlaceOrder","version":1,"commandId":"c","orderId":"o-1","customerId":"c-1",
                 "items":[{"productId":"p-1","quantity":1,"unitPrice":"19.99"}],"requestedAt":"2026-11-25T10:00:00Z"}""")))
                .isInstanceOf(SerializationException.class);
    }
}
