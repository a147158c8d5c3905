package io.orderflow.events.serde;

import java.time.Instant;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one JSON mapper for everything written to Kafka. Immutable and thread-safe, so a single shared
 * instance is right (Jackson 3 mappers cannot be reconfigured after build).
 */
public final class EventJson {

    public static final JsonMapper MAPPER = rules()
            // Same text in and out as Jackson's own Instant code, without its DateTimeFormatter: that was
            // the hottest code in every service.
            .addModule(new SimpleModule("fast-instant")
                    .addSerializer(Instant.class, new FastInstantSerializer())
                    .addDeserializer(Instant.class, new FastInstantDeserializer()))
            .build();

    private EventJson() {
    }

    /** What the mapper accepts and writes; tests build it without the fast code to compare the two. */
    static JsonMapper.Builder rules() {
        return JsonMapper.builder()
                // A consumer ignores fields it does not know: newer producers may add fields.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Money is exact: never let a tree round-trip through double.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                // "19.99" where a number belongs is a broken message, not a number.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
