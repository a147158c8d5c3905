package io.orderflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.command.Idempotency;
import io.orderflow.events.order.CancelOrder;
import io.orderflow.events.order.OrderCommand;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.PlaceOrder;
import io.orderflow.events.order.PlaceOrderViaKey;
import io.orderflow.events.topics.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * The {@code Idempotency-Key} on commands and answers: an optional field of version 1, written only when there
 * is one, so a command without the header is byte for byte what it was before.
 */
class IdempotencyOnTheWireTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00.120Z");
    private static final Idempotency KEY = new Idempotency("anonymous POST /orders", "k-1", "f1ngerpr1nt");

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    private static byte[] write(OrderCommand command) {
        return Topics.ORDER_COMMANDS.valueSerde().serializer().serialize("t", command);
    }

    private static OrderCommand read(byte[] json) {
        return Topics.ORDER_COMMANDS.valueSerde().deserializer().deserialize("t", json);
    }

    private static PlaceOrder place(Idempotency idempotency) {
        return new PlaceOrder("cmd-1", "o-1", "c-1", List.of(new OrderLine("p-1", 2, new BigDecimal("19.99"))), AT,
                idempotency);
    }

    @Test
    void aCommandWithoutAKeyIsWrittenAsBefore() {
        assertThat(text(write(place(null)))).isEqualTo("{\"type\":\"PlaceOrder\",\"version\":1,\"commandId\":\"cmd-1\","
                + "\"orderId\":\"o-1\",\"customerId\":\"c-1\",\"items\":[{\"productId\":\"p-1\",\"quantity\":2,"
                + "\"unitPrice\":19.99}],\"requestedAt\":\"2026-11-25T10:00:00.120Z\"}");
        assertThat(text(write(new CancelOrder("cmd-2", "o-1", AT)))).doesNotContain("idempotency");
    }

    @Test
    void aCommandWithAKeyCarriesItThereAndBack() {
        PlaceOrder keyed = place(KEY);
        byte[] json = write(keyed);

        assertThat(text(json)).endsWith(",\"idempotency\":{\"scope\":\"anonymous POST /orders\",\"key\":\"k-1\","
                + "\"fingerprint\":\"f1ngerpr1nt\"}}");
        assertThat(read(json)).isEqualTo(keyed);
    }

    @Test
    void aPlaceOrderViaKeyWrapsTheCommandAndGoesUnderTheKeysDerivedId() {
        PlaceOrderViaKey via = new PlaceOrderViaKey(place(KEY));
        byte[] json = write(via);

        assertThat(text(json)).startsWith("{\"type\":\"PlaceOrderViaKey\",\"version\":1,\"command\":{\"commandId\":\"cmd-1\",");
        assertThat(text(json)).doesNotContain("routingKey").doesNotContain("\"orderId\":\"o-1\",\"command\"");
        assertThat(read(json)).isEqualTo(via);
        assertThat(via.orderId()).isEqualTo("o-1");
        assertThat(via.routingKey()).isEqualTo(KEY.derivedId());
        assertThatThrownBy(() -> new PlaceOrderViaKey(place(null))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAReplayedAnswerSaysSo() {
        var serde = Topics.ORDER_COMMAND_RESULTS.valueSerde();
        assertThat(text(serde.serializer().serialize("t", CommandResult.applied("cmd-1", "o-1")))).doesNotContain("replayed");

        CommandResult replayed = new CommandResult("cmd-2", "o-1", CommandStatus.APPLIED, "", true);
        byte[] json = serde.serializer().serialize("t", replayed);
        assertThat(text(json)).contains("\"replayed\":true");
        assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(replayed);
    }

    @Test
    void theDerivedIdIsAUuidOfTheScopedKey() {
        String id = KEY.derivedId();

        assertThat(UUID.fromString(id).version()).isEqualTo(3);
        assertThat(Ids.isValid(id)).isTrue();
        assertThat(new Idempotency(KEY.scope(), KEY.key(), "another fingerprint").derivedId()).isEqualTo(id);
        assertThat(new Idempotency(KEY.scope(), "k-2", KEY.fingerprint()).derivedId()).isNotEqualTo(id);
        assertThat(new Idempotency("someone-else POST /orders", "k-1", KEY.fingerprint()).derivedId()).isNotEqualTo(id);
    }

    @Test
    void aBrokenKeyIsAPoisonRecord() {
        byte[] badKey = ("{\"type\":\"CancelOrder\",\"version\":1,\"commandId\":\"c\",\"orderId\":\"o-1\","
                + "\"requestedAt\":\"2026-11-25T10:00:00Z\",\"idempotency\":{\"scope\":\"s\",\"key\":\"bad key\","
                + "\"fingerprint\":\"f\"}}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(badKey)).isInstanceOf(SerializationException.class);
    }
}
