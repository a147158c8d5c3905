package io.orderflow.events.serde;

import io.orderflow.events.EventType;
import java.util.Arrays;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * One event record on the wire: its {@link EventType} and Jackson's reader and writer for it, looked up
 * once here instead of on every message.
 */
final class EventCodec<E> {

    private final Class<E> type;
    private final EventType eventType;
    /** {@code {"type":"<name>","version":<n>}} without its closing brace: the start of every message. */
    private final byte[] envelope;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private EventCodec(Class<E> type, EventType eventType) {
        this.type = type;
        this.eventType = eventType;
        byte[] envelopeObject = EventJson.MAPPER.writeValueAsBytes(EventJson.MAPPER.createObjectNode()
                .put(EventSerde.TYPE_FIELD, eventType.value())
                .put(EventSerde.VERSION_FIELD, eventType.version()));
        this.envelope = Arrays.copyOf(envelopeObject, envelopeObject.length - 1);
        this.reader = EventJson.MAPPER.readerFor(type).withHandler(new RepeatedEnvelopeField(type));
        this.writer = EventJson.MAPPER.writerFor(type);
    }

    static <E> EventCodec<E> of(Class<E> type) {
        EventType eventType = type.getAnnotation(EventType.class);
        if (eventType == null) {
            throw new IllegalArgumentException(type.getName() + " has no @EventType");
        }
        return new EventCodec<>(type, eventType);
    }

    Class<E> type() {
        return type;
    }

    String name() {
        return eventType.value();
    }

    int version() {
        return eventType.version();
    }

    /**
     * The envelope, then the record's fields as Jackson writes them: the record is written once and its
     * opening brace replaced by the envelope (and a comma, unless the record has no fields).
     */
    byte[] write(Object event) {
        byte[] fields = writer.writeValueAsBytes(event);
        boolean noFields = fields.length == 2; // "{}"
        byte[] message = new byte[envelope.length + fields.length - (noFields ? 1 : 0)];
        System.arraycopy(envelope, 0, message, 0, envelope.length);
        int at = envelope.length;
        if (!noFields) {
            message[at++] = ',';
        }
        System.arraycopy(fields, 1, message, at, fields.length - 1);
        return message;
    }

    /**
     * Binds the rest of an object whose envelope the parser has just read, from the next field name on.
     * Fails on a second "type" or "version" in the object, which only a tree reads as before.
     */
    E read(JsonParser parser) {
        return reader.readValue(parser);
    }

    /**
     * A JSON tree keeps the last of repeated fields, so for the tree path a second "version" (or "type")
     * replaces the first. Reading in one pass, the envelope is already read by then, and the record would
     * ignore the repeat as an unknown field: it must fail instead, and leave the message to the tree path.
     * Repeated record fields need nothing: Jackson binds the last one, as from a tree.
     */
    private static final class RepeatedEnvelopeField extends DeserializationProblemHandler {

        private final Class<?> type;

        RepeatedEnvelopeField(Class<?> type) {
            this.type = type;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) {
            if (deserializer.handledType() == type
                    && (EventSerde.TYPE_FIELD.equals(propertyName) || EventSerde.VERSION_FIELD.equals(propertyName))) {
                throw MismatchedInputException.from(p, type, "repeated '" + propertyName + "'");
            }
            return false; // not ours: Jackson skips it as any unknown field
        }
    }
}
