package io.orderflow.events.serde;

import org.apache.kafka.common.errors.SerializationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

/**
 * JSON serde for a service's own state-store values and internal repartition records. Those never leave
 * the service that wrote them, so they carry no type envelope; they use the same mapper as events.
 */
public final class StateSerde<T> extends StatelessSerde<T> {

    private final Class<T> type;
    /** Found once, not on every read. (Writes stay by the value's runtime type, so a subclass keeps its fields.) */
    private final ObjectReader reader;

    private StateSerde(Class<T> type) {
        this.type = type;
        this.reader = EventJson.MAPPER.readerFor(type);
    }

    public static <T> StateSerde<T> of(Class<T> type) {
        return new StateSerde<>(type);
    }

    @Override
    public byte[] serialize(String topic, T value) {
        return value == null ? null : EventJson.MAPPER.writeValueAsBytes(value);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return reader.readValue(data);
        } catch (JacksonException e) {
            throw new SerializationException("invalid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
