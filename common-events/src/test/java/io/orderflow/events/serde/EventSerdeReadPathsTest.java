package io.orderflow.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.events.EventType;
import io.orderflow.events.order.CancelOrder;
import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderCommand;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.order.PlaceOrder;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.errors.SerializationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * EventSerde writes each record once and reads in one pass the messages that start with type and
 * version; other messages go through a JSON tree. Both must give what the tree-only code gave.
 */
class EventSerdeReadPathsTest {

    private static final String REQUESTED_AT = "\"requestedAt\":\"2026-11-25T10:00:00Z\"";
    private static final CancelOrder CANCEL = new CancelOrder("c", "o-1", Instant.parse("2026-11-25T10:00:00Z"));

    private final EventSerde<OrderCommand> commands = EventSerde.of(OrderCommand.class);
    private final EventSerde<OrderStateChanged> orders = EventSerde.of(OrderStateChanged.class);

    @EventType("Ping")
    record Ping() {
    }

    // --- writing: the bytes the tree-based writer produced

    @Property(tries = 2000)
    void writesWhatTheTreeBasedWriterWrote(@ForAll("orderStateChanges") OrderStateChanged event) {
        byte[] written = orders.serialize("t", event);

        assertThat(new String(written, StandardCharsets.UTF_8))
                .isEqualTo(new String(writtenAsTree(event), StandardCharsets.UTF_8));
        assertThat(orders.readInOnePass(written)).isEqualTo(event);
    }

    @Example
    void everyFixtureIsWrittenBackByteForByteAndReadInOnePass() throws IOException {
        for (Topic<?, ?> topic : Topics.ALL) {
            @SuppressWarnings("unchecked")
            EventSerde<Object> serde = (EventSerde<Object>) topic.valueSerde();
            for (String type : serde.typeNames()) {
                byte[] fixture = fixture(type);
                Object event = serde.readInOnePass(fixture);

                assertThat(event).as(type).isNotNull().isEqualTo(serde.deserialize("t", reordered(fixture)));
                assertThat(new String(serde.serialize("t", event), StandardCharsets.UTF_8)).as(type)
                        .isEqualTo(new String(fixture, StandardCharsets.UTF_8));
            }
        }
    }

    @Example
    void aRecordWithoutFieldsIsJustTheEnvelope() {
        EventSerde<Ping> pings = EventSerde.of(Ping.class);

        byte[] written = pings.serialize("t", new Ping());

        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"Ping\",\"version\":1}")
                .isEqualTo(new String(writtenAsTree(new Ping()), StandardCharsets.UTF_8));
        assertThat(pings.deserialize("t", written)).isEqualTo(new Ping());
    }

    // --- reading messages of other producers: the tree path

    @Example
    void readsFieldsInAnyOrder() {
        assertThat(read("{\"commandId\":\"c\",\"orderId\":\"o-1\"," + REQUESTED_AT + ",\"version\":1,\"type\":\"CancelOrder\"}"))
                .isEqualTo(CANCEL);
        assertThat(read("{\"version\":1,\"type\":\"CancelOrder\",\"commandId\":\"c\",\"orderId\":\"o-1\"," + REQUESTED_AT + "}"))
                .isEqualTo(CANCEL);
        assertThat(read("{\"type\":\"CancelOrder\",\"commandId\":\"c\",\"version\":1,\"orderId\":\"o-1\"," + REQUESTED_AT + "}"))
                .isEqualTo(CANCEL);
    }

    @Example
    void aMissingVersionIsVersion1() {
        assertThat(read("{\"type\":\"CancelOrder\",\"commandId\":\"c\",\"orderId\":\"o-1\"," + REQUESTED_AT + "}"))
                .isEqualTo(CANCEL);
    }

    @Example
    void readsOlderVersionsAndVersionsWrittenAsOtherJsonValues() {
        for (String version : List.of("0", "-1", "\"1\"", "1.9", "null", "true")) {
            assertThat(read("{\"type\":\"CancelOrder\",\"version\":" + version + ",\"commandId\":\"c\",\"orderId\":\"o-1\","
                    + REQUESTED_AT + "}")).as(version).isEqualTo(CANCEL);
        }
    }

    @Example
    void refusesANewerVersionWhereverItIs() {
        for (String message : List.of(
                "{\"type\":\"CancelOrder\",\"version\":2,\"commandId\":\"c\",\"orderId\":\"o-1\"," + REQUESTED_AT + "}",
                "{\"type\":\"CancelOrder\",\"version\":\"2\",\"commandId\":\"c\",\"orderId\":\"o-1\"," + REQUESTED_AT + "}",
                "{\"commandId\":\"c\",\"orderId\":\"o-1\"," + REQUESTED_AT + ",\"type\":\"CancelOrder\",\"version\":2}",
                // a repeated field counts once, the last time, as a tree reads it
                "{\"type\":\"CancelOrder\",\"version\":1,\"commandId\":\"c\",\"orderId\":\"o-1\"," + REQUESTED_AT + ",\"version\":2}")) {
            assertThatThrownBy(() -> read(message)).as(message).isInstanceOf(SerializationException.class)
                    .hasMessage("schema version 2 of CancelOrder is newer than the supported version 1");
        }
    }

    @Example
    void repeatedFieldsCountTheLastTime() {
        assertThatThrownBy(() -> read("{\"type\":\"CancelOrder\",\"version\":1,\"commandId\":\"c\",\"orderId\":\"o-1\","
                + REQUESTED_AT + ",\"type\":\"PlaceOrder\"}"))
                .isInstanceOf(SerializationException.class).hasMessageStartingWith("invalid PlaceOrder: ");
        assertThat(read("{\"type\":\"CancelOrder\",\"version\":1,\"commandId\":\"c\",\"orderId\":\"o-0\"," + REQUESTED_AT
                + ",\"orderId\":\"o-1\"}")).isEqualTo(CANCEL);
        assertThat(read("{\"type\":\"PlaceOrder\",\"version\":1,\"commandId\":\"c\",\"orderId\":\"o-1\",\"customerId\":\"c-1\","
                + "\"items\":[{\"productId\":\"p-0\",\"quantity\":1,\"unitPrice\":1,\"productId\":\"p-1\"}]," + REQUESTED_AT + "}"))
                .isEqualTo(new PlaceOrder("c", "o-1", "c-1", List.of(new OrderLine("p-1", 1, BigDecimal.ONE)),
                        Instant.parse("2026-11-25T10:00:00Z")));
    }

    // --- refusing: the same reasons on both paths

    @Example
    void refusesBrokenJsonAfterTheEnvelope() {
        for (String broken : List.of(
                "{\"type\":\"CancelOrder\",\"version\":1,\"commandId\":\"c\",\"orderId\":\"o-1\"," + REQUESTED_AT,
                "{\"type\":\"CancelOrder\",\"version\":1,\"commandId\":\"c\",\"orderId\":\"o-1\"," + REQUESTED_AT + ",}",
                "{\"type\":\"CancelOrder\",\"version\":1,\"commandId\":\"c\",\"orderId\":\"o-1\"," + REQUESTED_AT + "} {}",
                "{\"type\":\"CancelOrder\",\"version\":1,\"commandId\":\"c\",\"orderId\":\"o-1\"," + REQUESTED_AT + "} x")) {
            assertThatThrownBy(() -> read(broken)).as(broken).isInstanceOf(SerializationException.class)
                    .hasMessageStartingWith("not JSON: ");
        }
    }

    @Example
    void refusesInvalidValuesAfterTheEnvelopeWithTheRecordsReason() {
        assertThatThrownBy(() -> read("{\"type\":\"CancelOrder\",\"version\":1,\"commandId\":\"c\",\"orderId\":\"not an id\","
                + REQUESTED_AT + "}"))
                .isInstanceOf(SerializationException.class)
                .hasMessage("invalid CancelOrder: orderId must match [A-Za-z0-9._:-]{1,64} but was 'not an id'");
        assertThatThrownBy(() -> read("{\"type\":\"CancelOrder\",\"version\":1,\"commandId\":\"c\",\"orderId\":\"o-1\"}"))
                .isInstanceOf(SerializationException.class).hasMessage("invalid CancelOrder: requestedAt");
        assertThatThrownBy(() -> read("{\"type\":\"CancelOrder\",\"version\":1,\"commandId\":\"c\",\"orderId\":\"o-1\","
                + "\"requestedAt\":\"yesterday\"}"))
                .isInstanceOf(SerializationException.class).hasMessageStartingWith("invalid CancelOrder: ");
        assertThatThrownBy(() -> read("{\"type\":\"Nope\",\"version\":1}"))
                .isInstanceOf(SerializationException.class)
                .hasMessage("unknown type 'Nope'; expected one of [PlaceOrder, CancelOrder, PlaceOrderViaKey]");
        assertThatThrownBy(() -> read("{\"type\":1,\"version\":1}"))
                .isInstanceOf(SerializationException.class)
                .hasMessage("no 'type' field; expected one of [PlaceOrder, CancelOrder, PlaceOrderViaKey]");
    }

    @Example
    void ignoresUnknownFieldsOnBothPaths() {
        String unknown = ",\"addedLater\":{\"type\":\"x\",\"version\":9,\"list\":[1,{\"a\":null}]}";
        assertThat(read("{\"type\":\"CancelOrder\",\"version\":1,\"commandId\":\"c\",\"orderId\":\"o-1\"," + REQUESTED_AT + unknown + "}"))
                .isEqualTo(CANCEL);
        assertThat(read("{\"commandId\":\"c\",\"type\":\"CancelOrder\",\"orderId\":\"o-1\"," + REQUESTED_AT + unknown + "}"))
                .isEqualTo(CANCEL);
    }

    @Example
    void onlyMessagesStartingWithTypeAndAKnownVersionAreReadInOnePass() {
        String fields = "\"commandId\":\"c\",\"orderId\":\"o-1\"," + REQUESTED_AT;
        assertThat(commands.readInOnePass(bytes("{\"type\":\"CancelOrder\",\"version\":1," + fields + "}"))).isEqualTo(CANCEL);
        for (String other : List.of(
                "{\"type\":\"CancelOrder\"," + fields + "}",
                "{\"version\":1,\"type\":\"CancelOrder\"," + fields + "}",
                "{\"type\":\"CancelOrder\",\"version\":\"1\"," + fields + "}",
                "{\"type\":\"CancelOrder\",\"version\":2," + fields + "}",
                "{\"type\":\"Nope\",\"version\":1," + fields + "}",
                "{\"type\":\"CancelOrder\",\"version\":1," + fields + ",\"version\":1}",
                "{\"type\":\"CancelOrder\",\"version\":1," + fields + "} {}",
                "[]", "", "not json")) {
            assertThat(commands.readInOnePass(bytes(other))).as(other).isNull();
        }
    }

    @Provide
    Arbitrary<OrderStateChanged> orderStateChanges() {
        Arbitrary<String> ids = Arbitraries.strings().withChars("abcXYZ019._:-").ofMinLength(1).ofMaxLength(64);
        Arbitrary<OrderLine> lines = Combinators.combine(ids, Arbitraries.integers().between(1, OrderLine.MAX_QUANTITY),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(2))
                .as(OrderLine::new);
        Arbitrary<Rejection> rejections = Combinators.combine(Arbitraries.of(CheckType.class),
                Arbitraries.of(RejectionReason.class), Arbitraries.strings().ofMaxLength(40))
                .as(Rejection::new);
        Arbitrary<Instant> times = Arbitraries.longs().between(0, Instant.parse("2300-01-01T00:00:00Z").toEpochMilli())
                .map(Instant::ofEpochMilli);
        Arbitrary<Order> orderArbitrary = Combinators.combine(ids, ids, lines.list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.of(OrderState.class), rejections.list().ofMaxSize(2), times, times, ids.injectNull(0.5))
                .as((id, customer, items, state, rejected, created, updated, shipment) -> new Order(id, customer, items,
                        Order.totalOf(items), state, rejected, created, updated, shipment));
        return Combinators.combine(ids, orderArbitrary, Arbitraries.of(OrderState.class).injectNull(0.3))
                .as(OrderStateChanged::new);
    }

    private OrderCommand read(String json) {
        return commands.deserialize("t", bytes(json));
    }

    /** What EventSerde wrote before it wrote records once: the envelope and the record's tree, merged. */
    private static byte[] writtenAsTree(Object event) {
        EventType type = event.getClass().getAnnotation(EventType.class);
        ObjectNode node = EventJson.MAPPER.createObjectNode();
        node.put(EventSerde.TYPE_FIELD, type.value());
        node.put(EventSerde.VERSION_FIELD, type.version());
        node.setAll((ObjectNode) EventJson.MAPPER.valueToTree(event));
        return EventJson.MAPPER.writeValueAsBytes(node);
    }

    /** The same message with the record's fields first, then version, then type: the tree path's job. */
    private static byte[] reordered(byte[] message) {
        JsonNode tree = EventJson.MAPPER.readTree(message);
        ObjectNode reordered = EventJson.MAPPER.createObjectNode();
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(tree.properties());
        fields.removeIf(field -> field.getKey().equals(EventSerde.TYPE_FIELD) || field.getKey().equals(EventSerde.VERSION_FIELD));
        fields.forEach(field -> reordered.set(field.getKey(), field.getValue()));
        reordered.set(EventSerde.VERSION_FIELD, tree.get(EventSerde.VERSION_FIELD));
        reordered.set(EventSerde.TYPE_FIELD, tree.get(EventSerde.TYPE_FIELD));
        return EventJson.MAPPER.writeValueAsBytes(reordered);
    }

    /** The fixture of the newest version of the type: the one this code writes back byte for byte. */
    private static byte[] fixture(String type) throws IOException {
        int version = 9;
        while (version > 1 && EventSerdeReadPathsTest.class.getResource(fixturePath(version, type)) == null) {
            version--;
        }
        try (InputStream in = EventSerdeReadPathsTest.class.getResourceAsStream(fixturePath(version, type))) {
            assertThat(in).as(type).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String fixturePath(int version, String type) {
        return "/fixtures/v" + version + "/" + type + ".json";
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
