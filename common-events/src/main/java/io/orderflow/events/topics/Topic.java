package io.orderflow.events.topics;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A topic with its serdes, so sources, sinks, plain clients and tests can never read it with the wrong
 * types. {@code key} says what the key is, for docs and for the reader of the code.
 */
public record Topic<K, V>(String name, String key, Serde<K> keySerde, Serde<V> valueSerde, String description) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /** Consumed with these serdes and a stable processor name (so the topology does not shift when steps change). */
    public Consumed<K, V> consumed() {
        return Consumed.with(keySerde, valueSerde).withName("from-" + name);
    }

    public Produced<K, V> produced() {
        return Produced.with(keySerde, valueSerde).withName("to-" + name);
    }
}
