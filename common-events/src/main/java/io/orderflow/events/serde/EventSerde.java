package io.orderflow.events.serde;

import io.orderflow.events.EventType;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * JSON serde for the events of one topic: {@code {"type": "PlaceOrder", "version": 1, ...fields}}.
 *
 * <p>The topic's value type is a sealed interface (or one record); its permitted records are the only
 * types this serde reads or writes, each named by {@link EventType}. A message with no type, an unknown
 * type, a newer version, broken JSON or a missing required field fails with a
 * {@link SerializationException}, which the services' exception handlers send to the dead-letter topic.
 *
 * <p>Messages are read in one pass when they start with type and version, as every message this serde
 * writes does; any other message goes through a JSON tree, so another producer may order fields freely.
 */
public final class EventSerde<T> extends StatelessSerde<T> {

    public static final String TYPE_FIELD = "type";
    public static final String VERSION_FIELD = "version";

    private final Class<T> baseType;
    private final Map<String, EventCodec<? extends T>> codecsByName = new LinkedHashMap<>();
    private final Map<Class<?>, EventCodec<? extends T>> codecsByType = new HashMap<>();

    private EventSerde(Class<T> baseType) {
        this.baseType = baseType;
        Class<?>[] members = baseType.isSealed() ? baseType.getPermittedSubclasses() : new Class<?>[] {baseType};
        for (Class<?> member : members) {
            EventCodec<? extends T> codec = EventCodec.of(member.asSubclass(baseType));
            codecsByName.put(codec.name(), codec);
            codecsByType.put(codec.type(), codec);
        }
    }

    public static <T> EventSerde<T> of(Class<T> baseType) {
        return new EventSerde<>(baseType);
    }

    /** The wire names this serde accepts, for docs and error messages. */
    public Set<String> typeNames() {
        return Collections.unmodifiableSet(codecsByName.keySet());
    }

    @Override
    public byte[] serialize(String topic, T event) {
        if (event == null) {
            return null;
        }
        EventCodec<? extends T> codec = codecsByType.get(event.getClass());
        if (codec == null) {
            throw new SerializationException(event.getClass().getName() + " is not an event of " + baseType.getSimpleName());
        }
        return codec.write(event);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        T event = readInOnePass(data);
        return event != null ? event : readAsTree(data);
    }

    /**
     * Reads type and version with the streaming parser, then binds the record's fields from the same
     * parser. Null for a message of any other shape, and for any message it cannot read, valid or not:
     * {@link #readAsTree} then reads it, or says what is wrong with it, exactly as it always did.
     * Package-private for tests: they check that what this serde writes does take this path.
     */
    T readInOnePass(byte[] data) {
        try (JsonParser parser = EventJson.MAPPER.createParser(data)) {
            if (parser.nextToken() != JsonToken.START_OBJECT || !TYPE_FIELD.equals(parser.nextName())
                    || parser.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            EventCodec<? extends T> codec = codecsByName.get(parser.getString());
            if (codec == null || !VERSION_FIELD.equals(parser.nextName())
                    || parser.nextToken() != JsonToken.VALUE_NUMBER_INT
                    || parser.getNumberType() != JsonParser.NumberType.INT
                    || parser.getIntValue() > codec.version()) {
                return null;
            }
            if (parser.nextToken() != JsonToken.PROPERTY_NAME) {
                return null; // Jackson binds a bare end of object as no value: a record without fields
            }
            return codec.read(parser); // which, like readTree, refuses content after the object
        } catch (JacksonException e) {
            return null;
        }
    }

    private T readAsTree(byte[] data) {
        JsonNode tree;
        try {
            tree = EventJson.MAPPER.readTree(data);
        } catch (JacksonException e) {
            throw new SerializationException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new SerializationException("not a JSON object");
        }
        EventCodec<? extends T> codec = codecOf(tree);
        int version = tree.path(VERSION_FIELD).asInt(1);
        if (version > codec.version()) {
            throw new SerializationException("schema version " + version + " of " + codec.name()
                    + " is newer than the supported version " + codec.version());
        }
        try {
            return EventJson.MAPPER.treeToValue(tree, codec.type());
        } catch (JacksonException e) {
            Throwable cause = rootCause(e);
            throw new SerializationException("invalid " + codec.type().getSimpleName() + ": " + cause.getMessage(), e);
        }
    }

    private EventCodec<? extends T> codecOf(JsonNode tree) {
        JsonNode typeNode = tree.get(TYPE_FIELD);
        if (typeNode == null || !typeNode.isString()) {
            throw new SerializationException("no '" + TYPE_FIELD + "' field; expected one of " + codecsByName.keySet());
        }
        EventCodec<? extends T> codec = codecsByName.get(typeNode.asString());
        if (codec == null) {
            throw new SerializationException("unknown type '" + typeNode.asString() + "'; expected one of " + codecsByName.keySet());
        }
        return codec;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public String toString() {
        return "EventSerde[" + baseType.getSimpleName() + " " + codecsByName.keySet() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventSerde<?> other && other.baseType.equals(baseType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseType);
    }

}
