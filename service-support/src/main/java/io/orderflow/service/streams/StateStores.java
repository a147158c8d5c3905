package io.orderflow.service.streams;

import io.orderflow.events.serde.StateSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The stores of the services' topologies, built one way: persistent, String keys, values in {@link StateSerde}. */
public final class StateStores {

    private StateStores() {
    }

    /** A key-value store of {@code type} values; whether it is cached is the topology's choice, so it is left to it. */
    public static <V> StoreBuilder<KeyValueStore<String, V>> keyValue(String name, Class<V> type) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), StateSerde.of(type));
    }
}
