package io.orderflow.events.topics;

import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A topic with its serdes, so sources, sinks, plain clients and tests can never read it with the wrong
 * types (who writes and reads each: the constants' comments in {@link Topics}, and docs/events.md). A
 * topology reads one through {@code TopicSources} (service-support), which dead-letters what it cannot read
 * inside the task's transaction. {@code key} says what the key is, for the reader of the code and for the
 * misfiled message; {@code keyOf}, where set, is that id as the value names it, so a reader can refuse a record
 * filed under another key (applied there it would be decided by a task that does not own the entity, and be
 * invisible to its reads).
 */
public record Topic<K, V>(String name, String key, Serde<K> keySerde, Serde<V> valueSerde, Function<V, K> keyOf) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /** A topic whose records' keys are not checked against their values. */
    public Topic(String name, String key, Serde<K> keySerde, Serde<V> valueSerde) {
        this(name, key, keySerde, valueSerde, null);
    }

    /** This topic, its records' keys checked against the id each value names ({@link #misfiled}). */
    public Topic<K, V> keyedBy(Function<V, K> keyOf) {
        return new Topic<>(name, key, keySerde, valueSerde, Objects.requireNonNull(keyOf, "keyOf"));
    }

    /** Why {@code value} does not belong under {@code recordKey}, or {@code null} when it does (or is not checked). */
    public String misfiled(K recordKey, V value) {
        if (keyOf == null) {
            return null;
        }
        K named = keyOf.apply(value);
        return Objects.equals(named, recordKey) ? null
                : value.getClass().getSimpleName() + " for " + key + " " + named + " keyed by " + recordKey;
    }

    public Produced<K, V> produced() {
        return Produced.with(keySerde, valueSerde).withName("to-" + name);
    }
}
