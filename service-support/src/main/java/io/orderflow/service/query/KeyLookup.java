package io.orderflow.service.query;

import org.apache.kafka.streams.state.HostInfo;

/** Where a key's current value is: read here, or held by another instance of this service. */
public sealed interface KeyLookup<V> {

    /** This instance holds the key; {@code value} is null when the key is unknown. */
    record Local<V>(V value) implements KeyLookup<V> {
    }

    /** Another instance holds the key; ask it. */
    record Remote<V>(HostInfo host) implements KeyLookup<V> {
    }
}
