package io.orderflow.service.query;

import io.orderflow.service.web.ServiceUnavailableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Interactive queries for one service: finds which instance holds a key and reads it when that is this one.
 * While the store is not queryable (start-up, rebalance) it throws {@link ServiceUnavailableException}
 * (a 503 with Retry-After), so a client never gets a wrong 404 for a key that merely moved.
 */
public final class StoreQueries {

    private final StreamsBuilderFactoryBean streams;
    private final HostInfo self;

    public StoreQueries(StreamsBuilderFactoryBean streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    public HostInfo self() {
        return self;
    }

    /** Looks up a key of a key-value store with String keys. */
    public <V> KeyLookup<V> lookup(String storeName, String key) {
        return readPartition(storeName, key, (ReadOnlyKeyValueStore<String, V> store) -> store.get(key));
    }

    /** Reads the partition {@code partitionKey} belongs to when this instance holds it, or names the holder. */
    private <V, R> KeyLookup<R> readPartition(String storeName, String partitionKey,
            Function<ReadOnlyKeyValueStore<String, V>, R> read) {
        KafkaStreams kafkaStreams = running();
        KeyQueryMetadata metadata = locate(kafkaStreams, storeName, partitionKey);
        if (!metadata.activeHost().equals(self)) {
            return new KeyLookup.Remote<>(metadata.activeHost());
        }
        ReadOnlyKeyValueStore<String, V> store = store(kafkaStreams, storeName,
                QueryableStoreTypes.<String, V>keyValueStore(), metadata.partition());
        try {
            return new KeyLookup.Local<>(read.apply(store));
        } catch (InvalidStateStoreException e) {
            throw new ServiceUnavailableException("the " + storeName + " store is being rebalanced", e);
        }
    }

    private static KeyQueryMetadata locate(KafkaStreams kafkaStreams, String storeName, String key) {
        KeyQueryMetadata metadata = kafkaStreams.queryMetadataForKey(storeName, key, Serdes.String().serializer());
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new ServiceUnavailableException("the " + storeName + " store is not available yet");
        }
        return metadata;
    }

    /** Reads this instance's share of a store (all its active partitions). */
    public <S, R> R readLocal(String storeName, QueryableStoreType<S> type, Function<S, R> read) {
        KafkaStreams kafkaStreams = running();
        S store = store(kafkaStreams, storeName, type, null);
        try {
            return read.apply(store);
        } catch (InvalidStateStoreException e) {
            throw new ServiceUnavailableException("the " + storeName + " store is being rebalanced", e);
        }
    }

    /**
     * The partitions of a store this instance holds active, for reads that must go partition by partition:
     * a read of {@link #readLocal} walks the partitions one after the other, so its order is not the key
     * order across them. The host's active partitions are those of its tasks; a store's task reads co-partitioned
     * topics, so their partition numbers are the store's.
     */
    public List<Integer> localPartitions(String storeName) {
        for (StreamsMetadata metadata : running().streamsMetadataForStore(storeName)) {
            if (metadata.hostInfo().equals(self)) {
                return metadata.topicPartitions().stream().map(TopicPartition::partition).distinct().sorted().toList();
            }
        }
        return List.of();
    }

    /** Reads one partition of a store this instance holds (one of {@link #localPartitions}), in key order. */
    public <S, R> R readLocalPartition(String storeName, int partition, QueryableStoreType<S> type, Function<S, R> read) {
        S store = store(running(), storeName, type, partition);
        try {
            return read.apply(store);
        } catch (InvalidStateStoreException e) {
            throw new ServiceUnavailableException("the " + storeName + " store is being rebalanced", e);
        }
    }

    /** Every instance that holds part of a store, this one included. */
    public List<HostInfo> hostsOf(String storeName) {
        Collection<StreamsMetadata> all = running().streamsMetadataForStore(storeName);
        List<HostInfo> hosts = new ArrayList<>();
        for (StreamsMetadata metadata : all) {
            hosts.add(metadata.hostInfo());
        }
        if (hosts.isEmpty()) {
            throw new ServiceUnavailableException("the " + storeName + " store is not available yet");
        }
        return hosts;
    }

    private KafkaStreams running() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || !(kafkaStreams.state() == KafkaStreams.State.RUNNING
                || kafkaStreams.state() == KafkaStreams.State.REBALANCING)) {
            throw new ServiceUnavailableException("Kafka Streams is not running yet");
        }
        return kafkaStreams;
    }

    private static <S> S store(KafkaStreams kafkaStreams, String name, QueryableStoreType<S> type, Integer partition) {
        StoreQueryParameters<S> parameters = StoreQueryParameters.fromNameAndType(name, type);
        if (partition != null) {
            parameters = parameters.withPartition(partition);
        }
        try {
            return kafkaStreams.store(parameters);
        } catch (InvalidStateStoreException e) {
            throw new ServiceUnavailableException("the " + name + " store is not queryable right now", e);
        }
    }
}
