package io.orderflow.fulfillment.topology;

import static io.orderflow.testsupport.events.AnOrder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.shipment.ShipmentCreated;
import io.orderflow.events.topics.Topics;
import io.orderflow.fulfillment.domain.Shipment;
import io.orderflow.fulfillment.domain.ShipmentStatus;
import io.orderflow.service.config.OrderflowProperties;
import io.orderflow.service.config.StreamsSettings;
import io.orderflow.testsupport.streams.TopologyHarness;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The fulfillment topology with the production Streams settings (exactly-once, explicit naming enforced). */
class FulfillmentTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:05.678Z");
    private static final List<OrderLine> ITEMS = List.of(new OrderLine("p-1", 2, new BigDecimal("19.99")));

    @AutoClose
    private final TopologyHarness harness = TopologyHarness.inFreshStateDir(
            dir -> StreamsSettings.of(OrderflowProperties.defaults("unused:9092", dir), "fulfillment-service", null),
            builder -> new FulfillmentTopology(Clock.fixed(NOW, ZoneOffset.UTC)).build(builder));
    private final TestInputTopic<String, OrderStateChanged> orders = harness.input(Topics.ORDERS);
    private final TestOutputTopic<String, ShipmentCreated> shipments = harness.output(Topics.SHIPMENTS);
    private final KeyValueStore<String, Shipment> store = harness.store(FulfillmentTopology.SHIPMENTS_STORE);

    @Test
    void validatedOrderDeliveredTwiceShipsOnce() {
        orders.pipeInput("o-1", change("o-1", OrderState.VALIDATED));
        orders.pipeInput("o-1", change("o-1", OrderState.VALIDATED));

        List<TestRecord<String, ShipmentCreated>> out = shipments.readRecordsToList();
        assertThat(out).hasSize(1);
        TestRecord<String, ShipmentCreated> record = out.get(0);
        assertThat(record.key()).isEqualTo("o-1");
        assertThat(record.value().shipmentId()).isEqualTo("s-o-1");
        assertThat(record.value().customerId()).isEqualTo("c-1");
        assertThat(record.value().items()).isEqualTo(ITEMS);
        assertThat(record.value().createdAt()).isEqualTo(NOW);
        assertThat(record.getRecordTime()).isEqualTo(NOW);

        Shipment stored = store.get("o-1");
        assertThat(stored.status()).isEqualTo(ShipmentStatus.SHIPPED);
        assertThat(stored.shipmentId()).isEqualTo("s-o-1");
    }

    @Test
    void createdRejectedAndShippedOrdersShipNothing() {
        orders.pipeInput("o-2", change("o-2", OrderState.CREATED));
        orders.pipeInput("o-3", change("o-3", OrderState.REJECTED));
        orders.pipeInput("o-4", change("o-4", OrderState.SHIPPED));

        assertThat(shipments.isEmpty()).isTrue();
        assertThat(store.get("o-2")).isNull();
        assertThat(store.get("o-3")).isNull();
        assertThat(store.get("o-4")).isNull();
    }

    @Test
    void cancelAfterTheShipmentCancelsItAndAnnouncesNothingMore() {
        orders.pipeInput("o-5", change("o-5", OrderState.VALIDATED));
        orders.pipeInput("o-5", change("o-5", OrderState.CANCELLED));

        assertThat(shipments.readRecordsToList()).hasSize(1);
        assertThat(store.get("o-5").status()).isEqualTo(ShipmentStatus.CANCELLED);
    }

    @Test
    void eachOrderGetsItsOwnShipment() {
        orders.pipeInput("o-6", change("o-6", OrderState.VALIDATED));
        orders.pipeInput("o-7", change("o-7", OrderState.VALIDATED));

        assertThat(shipments.readKeyValuesToMap()).containsOnlyKeys("o-6", "o-7");
        assertThat(store.get("o-7").shipmentId()).isEqualTo("s-o-7");
    }

    private static OrderStateChanged change(String orderId, OrderState state) {
        return anOrder(orderId).withLine("p-1", 2, "19.99").at(NOW.minusSeconds(1)).reaching(state, OrderState.CREATED);
    }
}
