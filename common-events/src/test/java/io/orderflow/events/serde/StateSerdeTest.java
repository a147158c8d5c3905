package io.orderflow.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StateSerdeTest {

    private final StateSerde<Order> serde = StateSerde.of(Order.class);

    @Test
    void writesTheValueAsTheMapperDoesAndReadsItBack() {
        List<OrderLine> items = List.of(new OrderLine("p-1", 2, new BigDecimal("19.99")));
        Order order = new Order("o-1", "c-1", items, Order.totalOf(items), OrderState.CREATED, List.of(),
                Instant.parse("2026-11-25T10:00:00.120Z"), Instant.parse("2026-11-25T10:00:00Z"), null);

        byte[] written = serde.serialize("t", order);

        assertThat(written).isEqualTo(EventJson.MAPPER.writeValueAsBytes(order));
        assertThat(new String(written, StandardCharsets.UTF_8))
                .contains("\"createdAt\":\"2026-11-25T10:00:00.120Z\",\"updatedAt\":\"2026-11-25T10:00:00Z\"");
        assertThat(serde.deserialize("t", written)).isEqualTo(order);
    }

    @Test
    void refusesAnUnreadableValueNamingItsType() {
        assertThatThrownBy(() -> serde.deserialize("t", "{\"id\":\"o-1\"".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageStartingWith("invalid Order: ");
        assertThat(serde.serialize("t", null)).isNull();
        assertThat(serde.deserialize("t", null)).isNull();
    }
}
