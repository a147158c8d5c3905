package io.orderflow.events.serde;

import io.orderflow.events.EventType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON serde for the events of one topic: {@code {"type": "PlaceOrder", "version": 1, ...fields}}.
 *
 * <p>The topic's value type is a sealed interface (or one record); its permitted records are the only
 * types this serde reads or writes, each named by {@link EventType}. A message with no type, an unknown
 * type, a newer version, broken JSON or a missing required field fails with a
 * {@link SerializationException}, which the services' exception handlers send to the dead-letter topic.
 */
public final class EventSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    public static final String TYPE_FIELD = "type";
    public static final String VERSION_FIELD = "version";

    private final Class<T> baseType;
    private final Map<String, Class<? extends T>> typesByName = new LinkedHashMap<>();

    private EventSerde(Class<T> baseType) {
        this.baseType = baseType;
        Class<?>[] members = baseType.isSealed() ? baseType.getPermittedSubclasses() : new Class<?>[] {baseType};
        for (Class<?> member : members) {
            EventType eventType = member.getAnnotation(EventType.class);
            if (eventType == null) {
                throw new IllegalArgumentException(member.getName() + " has no @EventType");
            }
            typesByName.put(eventType.value(), member.asSubclass(baseType));
        }
    }

    public static <T> EventSerde<T> of(Class<T> baseType) {
        return new EventSerde<>(baseType);
    }

    /** The wire names this serde accepts, for docs and error messages. */
    public java.util.Set<String> typeNames() {
        return java.util.Collections.unmodifiableSet(typesByName.keySet());
    }

    @Override
    public byte[] serialize(String topic, T event) {
        if (event == null) {
            return null;
        }
        EventType eventType = event.getClass().getAnnotation(EventType.class);
        if (eventType == null || !typesByName.containsKey(eventType.value())) {
            throw new SerializationException(event.getClass().getName() + " is not an event of " + baseType.getSimpleName());
        }
        ObjectNode node = EventJson.MAPPER.createObjectNode();
        node.put(TYPE_FIELD, eventType.value());
        node.put(VERSION_FIELD, eventType.version());
        node.setAll((ObjectNode) EventJson.MAPPER.valueToTree(event));
        return EventJson.MAPPER.writeValueAsBytes(node);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        JsonNode tree;
        try {
            tree = EventJson.MAPPER.readTree(data);
        } catch (JacksonException e) {
            throw new SerializationException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new SerializationException("not a JSON object");
        }
        Class<? extends T> type = typeOf(tree);
        int version = tree.path(VERSION_FIELD).asInt(1);
        int supported = type.getAnnotation(EventType.class).version();
        if (version > supported) {
            throw new SerializationException("schema version " + version + " of " + tree.get(TYPE_FIELD).asString()
                    + " is newer than the supported version " + supported);
        }
        try {
            return EventJson.MAPPER.treeToValue(tree, type);
        } catch (JacksonException e) {
            Throwable cause = rootCause(e);
            throw new SerializationException("invalid " + type.getSimpleName() + ": " + cause.getMessage(), e);
        }
    }

    private Class<? extends T> typeOf(JsonNode tree) {
        JsonNode typeNode = tree.get(TYPE_FIELD);
        if (typeNode == null || !typeNode.isString()) {
            throw new SerializationException("no '" + TYPE_FIELD + "' field; expected one of " + typesByName.keySet());
        }
        Class<? extends T> type = typesByName.get(typeNode.asString());
        if (type == null) {
            throw new SerializationException("unknown type '" + typeNode.asString() + "'; expected one of " + typesByName.keySet());
        }
        return type;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the type is fixed at construction
    }

    @Override
    public void close() {
        // stateless
    }

    @Override
    public String toString() {
        return "EventSerde[" + baseType.getSimpleName() + " " + typesByName.keySet() + "]";
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
