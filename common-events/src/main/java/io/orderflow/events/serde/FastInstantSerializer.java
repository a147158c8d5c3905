package io.orderflow.events.serde;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;

/**
 * Jackson's Instant serializer with a hand-written ISO-8601 writer for millisecond instants, the only kind
 * this project stores. Everything else (finer precision, far years, timestamps) stays Jackson's code.
 */
final class FastInstantSerializer extends InstantSerializer {

    FastInstantSerializer() {
        // Configured exactly as Jackson's contextual copy for a property without @JsonFormat, so
        // createContextual keeps this instance for such properties. A property with a format gets a plain
        // InstantSerializer built for it, as before.
        super(InstantSerializer.INSTANCE, null, null, null, JsonFormat.Shape.ANY);
    }

    @Override
    protected String formatValue(Instant value, SerializationContext ctxt) {
        String text = IsoInstants.format(value);
        return text != null ? text : super.formatValue(value, ctxt);
    }
}
