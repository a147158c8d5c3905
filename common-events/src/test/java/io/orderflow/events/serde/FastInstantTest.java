package io.orderflow.events.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.orderflow.events.order.CancelOrder;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.PropertyWriter;

/**
 * The fast Instant code must be invisible: every instant written, and every JSON value read (or refused),
 * exactly as by Jackson's own code under the same rules.
 */
class FastInstantTest {

    /** EventJson's rules with Jackson's own Instant code: the mapper as it was before the fast code. */
    private static final JsonMapper JACKSON = EventJson.rules().build();
    private static final JsonMapper FAST = EventJson.MAPPER;

    private static final long MILLIS_1970 = 0;
    private static final long MILLIS_2300 = Instant.parse("2301-01-01T00:00:00Z").toEpochMilli() - 1;
    private static final long SECONDS_YEAR_MINUS_20000 = Instant.parse("-20000-01-01T00:00:00Z").getEpochSecond();
    private static final long SECONDS_YEAR_20000 = Instant.parse("+20000-01-01T00:00:00Z").getEpochSecond();
    private static final DateTimeFormatter TO_THE_SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    @Provide
    Arbitrary<Instant> eventTimes() {
        return Arbitraries.longs().between(MILLIS_1970, MILLIS_2300).map(Instant::ofEpochMilli)
                .edgeCases(edges -> edges.add(Instant.EPOCH, Instant.ofEpochMilli(MILLIS_2300)));
    }

    @Provide
    Arbitrary<Instant> anyInstants() {
        Arbitrary<Integer> nanos = Arbitraries.oneOf(
                Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000),
                Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(Arbitraries.longs().between(SECONDS_YEAR_MINUS_20000, SECONDS_YEAR_20000), nanos)
                .as(Instant::ofEpochSecond)
                .edgeCases(edges -> edges.add(
                        Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z"),
                        Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59.999Z"),
                        Instant.parse("2024-02-29T00:00:00.001Z"), Instant.MIN, Instant.MAX));
    }

    /** The shape Jackson and every other ISO writer produce: seconds, then 0-9 fraction digits, then Z. */
    @Provide
    Arbitrary<String> isoTexts() {
        Arbitrary<String> toTheSecond = Arbitraries.longs()
                .between(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("9999-12-31T23:59:59Z").getEpochSecond())
                .map(s -> TO_THE_SECOND.format(LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC)));
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(9)
                .map(digits -> digits.isEmpty() ? "" : "." + digits);
        return Combinators.combine(toTheSecond, fraction).as((seconds, digits) -> seconds + digits + "Z");
    }

    /** Valid texts with one character changed, added or removed: what the hand-written parser must not misread. */
    @Provide
    Arbitrary<String> nearMisses() {
        Arbitrary<Character> chars = Arbitraries.of('0', '1', '2', '3', '5', '9', '-', ':', '.', 'T', 't', 'Z', 'z', '+', ' ', 'x');
        return Combinators.combine(isoTexts(), Arbitraries.integers().between(0, 40), chars, Arbitraries.integers().between(0, 2))
                .as((text, at, c, edit) -> {
                    int i = Math.min(at, text.length() - 1);
                    StringBuilder changed = new StringBuilder(text);
                    switch (edit) {
                        case 0 -> changed.setCharAt(i, c);
                        case 1 -> changed.insert(i, c);
                        default -> changed.deleteCharAt(i);
                    }
                    return changed.toString();
                });
    }

    @Property(tries = 10_000)
    void writesEventTimesAsJacksonDoes(@ForAll("eventTimes") Instant time) {
        assertSameOutput(time);
        assertThat(IsoInstants.format(time)).as("written by the fast code").isEqualTo(time.toString());
    }

    @Property(tries = 10_000)
    void writesAnyInstantAsJacksonDoes(@ForAll("anyInstants") Instant time) {
        assertSameOutput(time);
    }

    @Property(tries = 10_000)
    void readsIsoTextsAsJacksonDoes(@ForAll("isoTexts") String text) {
        assertSameReading(quoted(text));
        assertThat(IsoInstants.parse(text)).as("read by the fast code").isEqualTo(Instant.parse(text));
    }

    @Property(tries = 10_000)
    void readsOrRefusesNearMissesAsJacksonDoes(@ForAll("nearMisses") String text) {
        assertSameReading(quoted(text));
    }

    @Property
    void readsOrRefusesOtherShapesAsJacksonDoes(@ForAll("otherShapes") String json) {
        assertSameReading(json);
    }

    @Provide
    Arbitrary<String> otherShapes() {
        return Arbitraries.of(
                // accepted by Jackson: lower case, offsets, a bare '.', 24:00, a leap second, padding, timestamps
                quoted("2026-11-25t10:00:00.120z"), quoted("2026-11-25T10:00:00+01:00"),
                quoted("2026-11-25T10:00:00+00:00"), quoted("2026-11-25T10:00:00.Z"),
                quoted("2026-11-25T24:00:00Z"), quoted("2026-12-31T23:59:60Z"), quoted(" 2026-11-25T10:00:00Z "),
                quoted("+10000-01-01T00:00:00Z"), quoted("-0001-01-01T00:00:00Z"), quoted("1764064800"),
                quoted("1764064800.5"), "1764064800", "1764064800.5", "-1", "null",
                // refused by Jackson
                quoted(""), quoted("2026-11-25T10:00:00+0100"), quoted("2026-02-29T10:00:00Z"),
                quoted("2026-11-25T10:00:00.1234567891Z"), quoted("2026-11-25T10:00Z"),
                quoted("2026-11-25T10:00:00"), quoted("2026-11-25 10:00:00Z"), quoted("2026-13-01T10:00:00Z"),
                quoted("2026-11-31T10:00:00Z"), quoted("2026-11-25T10:60:00Z"), quoted("2026-11-25T10:00:61Z"),
                quoted("２026-11-25T10:00:00Z"), "true", "[1764064800,0]", "{\"at\":1}");
    }

    @Example
    void aPropertyWithItsOwnFormatIsStillWrittenAndReadByJackson() {
        record Formatted(
                @JsonFormat(shape = JsonFormat.Shape.NUMBER) Instant asNumber,
                @JsonFormat(pattern = "yyyy-MM-dd HH:mm", timezone = "UTC") Instant asPattern) {
        }
        Formatted value = new Formatted(Instant.parse("2026-11-25T10:00:00.120Z"), Instant.parse("2026-11-25T10:00:00Z"));

        String json = FAST.writeValueAsString(value);

        assertThat(json).isEqualTo(JACKSON.writeValueAsString(value))
                .isEqualTo("{\"asNumber\":1795600800.120000000,\"asPattern\":\"2026-11-25 10:00\"}");
        assertThat(FAST.readValue(json, Formatted.class)).isEqualTo(JACKSON.readValue(json, Formatted.class));
    }

    /**
     * Jackson builds each property's (de)serializer through createContextual, which could hand back one of
     * its own instead of ours; nothing else would notice, as the text is the same, only slower.
     */
    @Example
    void eventPropertiesUseTheFastCode() {
        ValueSerializer<Object> serializer = FAST._serializationContext().findValueSerializer(CancelOrder.class);
        Iterator<PropertyWriter> properties = serializer.properties();
        PropertyWriter requestedAt = properties.next();
        while (!requestedAt.getName().equals("requestedAt")) {
            requestedAt = properties.next();
        }
        assertThat(((BeanPropertyWriter) requestedAt).getSerializer()).isInstanceOf(FastInstantSerializer.class);

        var deserializer = (BeanDeserializerBase) FAST._deserializationContext()
                .findRootValueDeserializer(FAST.constructType(CancelOrder.class));
        assertThat(deserializer.findProperty(PropertyName.construct("requestedAt")).getValueDeserializer())
                .isInstanceOf(FastInstantDeserializer.class);
    }

    private static void assertSameOutput(Instant time) {
        assertThat(FAST.writeValueAsString(time)).isEqualTo(JACKSON.writeValueAsString(time));
        CancelOrder event = new CancelOrder("c", "o-1", time);
        assertThat(FAST.writeValueAsString(event)).isEqualTo(JACKSON.writeValueAsString(event));
    }

    /** Read alone and as an event property: the same value, or the same error. */
    private static void assertSameReading(String json) {
        assertThat(outcome(FAST, json, Instant.class)).isEqualTo(outcome(JACKSON, json, Instant.class));
        String event = "{\"commandId\":\"c\",\"orderId\":\"o-1\",\"requestedAt\":" + json + "}";
        assertThat(outcome(FAST, event, CancelOrder.class)).isEqualTo(outcome(JACKSON, event, CancelOrder.class));
    }

    private static String outcome(JsonMapper mapper, String json, Class<?> type) {
        try {
            return String.valueOf(mapper.readValue(json, type));
        } catch (JacksonException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
