package io.orderflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.order.Rejection;
import io.orderflow.events.order.RejectionReason;
import io.orderflow.events.basket.BasketCommand;
import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.command.Idempotency;
import io.orderflow.events.order.OrderCommand;
import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import io.orderflow.events.serde.EventSerde;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every event type as version 1 wrote it, kept as a file: this code must still read each one. A change that
 * breaks an old event (a renamed field, a new required field) fails here before it breaks a running topic.
 */
class SchemaFixturesTest {

    static Stream<String> fixtures() {
        return allTypeNames().stream();
    }

    private static Set<String> allTypeNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            names.addAll(((EventSerde<?>) topic.valueSerde()).typeNames());
        }
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void version1OfEachEventIsStillRead(String type) throws IOException {
        byte[] json = fixture("v1/" + type + ".json");
        List<Object> read = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            EventSerde<?> serde = (EventSerde<?>) topic.valueSerde();
            if (serde.typeNames().contains(type)) {
                read.add(serde.deserialize(topic.name(), json));
            }
        }
        assertThat(read).isNotEmpty().allSatisfy(event -> {
            assertThat(event).isNotNull();
            assertThat(event.getClass().getAnnotation(EventType.class).value()).isEqualTo(type);
        });
    }

    @Test
    void version2StockVerdictNamesItsProduct() throws IOException {
        var verdict = Topics.ORDER_VALIDATIONS.valueSerde().deserializer().deserialize(Topics.ORDER_VALIDATIONS.name(),
                fixture("v2/OrderCheckCompleted.json"));
        assertThat(verdict.productId()).isEqualTo("p-1");
        assertThat(verdict.passed()).isFalse();
    }

    /**
     * A timeout is a new reason and a new rejecting service in the same version-1 shape: no field changed, so
     * the version stays 1 and every reader of this code reads it.
     */
    @Test
    void aTimedOutRejectionIsOrdersServicesInTheVersion1Shape() throws IOException {
        byte[] json = fixture("v1/OrderStateChanged-TIMED_OUT.json");

        OrderStateChanged event = Topics.ORDERS.valueSerde().deserializer().deserialize(Topics.ORDERS.name(), json);

        assertThat(event.state()).isEqualTo(OrderState.REJECTED);
        assertThat(event.order().rejections()).containsExactly(new Rejection(CheckType.ORDERS,
                RejectionReason.TIMED_OUT, "not decided within PT5M: no answer from stock for p-1"));
        assertThat(new String(Topics.ORDERS.valueSerde().serializer().serialize(Topics.ORDERS.name(), event),
                StandardCharsets.UTF_8)).as("written back as it was").isEqualTo(new String(json, StandardCharsets.UTF_8).strip());
    }

    @Test
    void noVerdictNamesOrdersServiceAsItsCheck() {
        byte[] json = ("{\"type\":\"OrderCheckCompleted\",\"version\":2,\"orderId\":\"o-1\",\"check\":\"orders\","
                + "\"passed\":true,\"rejections\":[],\"checkedAt\":\"2026-11-25T10:00:00.120Z\",\"productId\":null}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Topics.ORDER_VALIDATIONS.valueSerde().deserializer()
                .deserialize(Topics.ORDER_VALIDATIONS.name(), json)).isInstanceOf(SerializationException.class);
    }

    static Stream<String> keyedCommands() {
        return Stream.of("PlaceOrder", "CancelOrder", "AddBasketItem", "CheckoutBasket");
    }

    /** The optional {@code idempotency} field added to version 1: read when present, null when absent. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("keyedCommands")
    void aCommandSentWithAnIdempotencyKeyIsReadWithItAndOneWithoutHasNone(String type) throws IOException {
        for (Topic<?, ?> topic : Topics.ALL) {
            EventSerde<?> serde = (EventSerde<?>) topic.valueSerde();
            if (serde.typeNames().contains(type)) {
                Idempotency keyed = idempotencyOf(serde.deserialize(topic.name(), fixture("v1-keyed/" + type + ".json")));
                assertThat(keyed.key()).startsWith("k-");
                assertThat(keyed.scope()).startsWith("anonymous POST /");
                assertThat(keyed.fingerprint()).isNotBlank();
                assertThat(idempotencyOf(serde.deserialize(topic.name(), fixture("v1/" + type + ".json")))).isNull();
            }
        }
    }

    private static Idempotency idempotencyOf(Object command) {
        return command instanceof OrderCommand order ? order.idempotency() : ((BasketCommand) command).idempotency();
    }

    @Test
    void aReplayedAnswerAndAReusedKeyAreRead() throws IOException {
        var serde = Topics.ORDER_COMMAND_RESULTS.valueSerde().deserializer();
        CommandResult replayed = serde.deserialize("t", fixture("v1-keyed/CommandResult.json"));
        assertThat(replayed.replayed()).isTrue();
        assertThat(replayed.status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(serde.deserialize("t", fixture("v1-keyed/CommandResult-KEY_REUSED.json")).status())
                .isEqualTo(CommandStatus.KEY_REUSED);
        assertThat(serde.deserialize("t", fixture("v1/CommandResult.json")).replayed()).isFalse();
    }

    @Test
    void thereIsAFixtureForEveryEventType() {
        assertThat(allTypeNames()).allSatisfy(type ->
                assertThat(getClass().getResource("/fixtures/v1/" + type + ".json")).as(type).isNotNull());
    }

    private byte[] fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
