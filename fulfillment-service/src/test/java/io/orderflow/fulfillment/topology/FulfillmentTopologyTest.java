package io.orderflow.fulfillment.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.shipment.ShipmentCreated;
import io.orderflow.events.topics.Topics;
import io.orderflow.fulfillment.domain.Shipment;
import io.orderflow.fulfillment.domain.ShipmentStatus;
import io.orderflow.service.config.OrderflowProperties;
import io.orderflow.service.config.StreamsSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fulfillment topology with the production Streams settings (exactly-once, explicit naming enforced). */
class FulfillmentTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:05.678Z");
    private static final List<OrderLine> ITEMS = List.of(new OrderLine("p-1", 2, new BigDecimal("19.99")));

    @TempDir
    Path dataDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, OrderStateChanged> orders;
    private TestOutputTopic<String, ShipmentCreated> shipments;
    private KeyValueStore<String, Shipment> store;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(OrderflowProperties.defaults("unused:9092", dataDir), "fulfillment-service", null));
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
        new FulfillmentTopology(Clock.fixed(NOW, ZoneOffset.UTC)).build(builder);
        driver = new TopologyTestDriver(builder.build(), props);
        orders = driver.createInputTopic(Topics.ORDERS.name(), Topics.ORDERS.keySerde().serializer(),
                Topics.ORDERS.valueSerde().serializer());
        shipments = driver.createOutputTopic(Topics.SHIPMENTS.name(), Topics.SHIPMENTS.keySerde().deserializer(),
                Topics.SHIPMENTS.valueSerde().deserializer());
        store = driver.getKeyValueStore(FulfillmentTopology.SHIPMENTS_STORE);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

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
        Instant at = NOW.minusSeconds(1);
        Order order = new Order(orderId, "c-1", ITEMS, Order.totalOf(ITEMS), state, List.of(), at, at, null);
        return new OrderStateChanged(orderId + "/" + state, order, OrderState.CREATED);
    }
}
