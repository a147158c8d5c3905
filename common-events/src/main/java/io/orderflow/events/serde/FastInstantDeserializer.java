package io.orderflow.events.serde;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Jackson's Instant deserializer with a hand-written parser for {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z},
 * the shape every event time has. Any other text, and numbers, go to Jackson's code, so what is accepted
 * or refused is unchanged. A per-property {@code @JsonFormat} makes Jackson build a plain
 * {@link InstantDeserializer} instead.
 */
final class FastInstantDeserializer extends InstantDeserializer<Instant> {

    FastInstantDeserializer() {
        super(InstantDeserializer.INSTANT, DateTimeFormatter.ISO_INSTANT);
    }

    @Override
    protected Instant _fromString(JsonParser p, DeserializationContext ctxt, String text) {
        Instant instant = IsoInstants.parse(text);
        return instant != null ? instant : super._fromString(p, ctxt, text);
    }
}
