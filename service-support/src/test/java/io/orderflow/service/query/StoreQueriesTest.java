package io.orderflow.service.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.service.web.ServiceUnavailableException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** Where a key is read, and the 503 (never a wrong 404) while Kafka Streams or its store cannot answer. */
class StoreQueriesTest {

    private static final String STORE = "things";
    private static final HostInfo SELF = new HostInfo("here", 8080);
    private static final HostInfo OTHER = new HostInfo("there", 8080);

    private final StreamsBuilderFactoryBean factory = mock(StreamsBuilderFactoryBean.class);
    private final KafkaStreams streams = mock(KafkaStreams.class);
    @SuppressWarnings("unchecked")
    private final ReadOnlyKeyValueStore<String, String> store = mock(ReadOnlyKeyValueStore.class);
    private final StoreQueries queries = new StoreQueries(factory, SELF);

    @BeforeEach
    void running() {
        when(factory.getKafkaStreams()).thenReturn(streams);
        when(streams.state()).thenReturn(KafkaStreams.State.RUNNING);
        when(streams.store(any())).thenReturn(store);
    }

    private void keyHeldBy(String key, HostInfo host, int partition) {
        when(streams.queryMetadataForKey(eq(STORE), eq(key), any(Serializer.class)))
                .thenReturn(new KeyQueryMetadata(host, Set.of(), partition));
    }

    @Test
    void aKeyHeldHereIsReadFromItsPartitionOfTheStore() {
        keyHeldBy("k-1", SELF, 3);
        when(store.get("k-1")).thenReturn("v-1");

        KeyLookup<String> lookup = queries.lookup(STORE, "k-1");

        assertThat(lookup).isEqualTo(new KeyLookup.Local<>("v-1"));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<StoreQueryParameters<?>> asked = ArgumentCaptor.forClass(StoreQueryParameters.class);
        verify(streams).store(asked.capture());
        assertThat(asked.getValue().storeName()).isEqualTo(STORE);
        assertThat(asked.getValue().partition()).isEqualTo(3);
    }

    @Test
    void anUnknownKeyHeldHereIsALocalNull() {
        keyHeldBy("k-1", SELF, 0);

        assertThat(queries.<String>lookup(STORE, "k-1")).isEqualTo(new KeyLookup.Local<String>(null));
    }

    @Test
    void aKeyOnAnotherInstanceNamesThatInstanceWithoutReadingHere() {
        keyHeldBy("k-1", OTHER, 1);

        assertThat(queries.<String>lookup(STORE, "k-1")).isEqualTo(new KeyLookup.Remote<String>(OTHER));
        verify(streams, never()).store(any());
    }

    @Test
    void aKeyWhoseHolderIsNotKnownYetIs503() {
        when(streams.queryMetadataForKey(eq(STORE), eq("k-1"), any(Serializer.class)))
                .thenReturn(KeyQueryMetadata.NOT_AVAILABLE);

        assertThatThrownBy(() -> queries.lookup(STORE, "k-1")).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("not available yet");
    }

    @Test
    void beforeKafkaStreamsRunsEveryReadIs503() {
        when(factory.getKafkaStreams()).thenReturn(null);
        assertThatThrownBy(() -> queries.lookup(STORE, "k-1")).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("not running");

        when(factory.getKafkaStreams()).thenReturn(streams);
        for (KafkaStreams.State notServing : List.of(KafkaStreams.State.CREATED, KafkaStreams.State.PENDING_SHUTDOWN,
                KafkaStreams.State.NOT_RUNNING, KafkaStreams.State.ERROR)) {
            when(streams.state()).thenReturn(notServing);
            assertThatThrownBy(() -> queries.lookup(STORE, "k-1")).as(notServing.name())
                    .isInstanceOf(ServiceUnavailableException.class);
            assertThatThrownBy(() -> queries.hostsOf(STORE)).as(notServing.name())
                    .isInstanceOf(ServiceUnavailableException.class);
        }
    }

    @Test
    void whileRebalancingAKeyHeldHereIsStillRead() {
        when(streams.state()).thenReturn(KafkaStreams.State.REBALANCING);
        keyHeldBy("k-1", SELF, 0);
        when(store.get("k-1")).thenReturn("v-1");

        assertThat(queries.<String>lookup(STORE, "k-1")).isEqualTo(new KeyLookup.Local<>("v-1"));
    }

    @Test
    void aStoreThatCannotBeQueriedIs503() {
        keyHeldBy("k-1", SELF, 0);
        when(streams.store(any())).thenThrow(new InvalidStateStoreException("migrating"));

        assertThatThrownBy(() -> queries.lookup(STORE, "k-1")).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("not queryable").hasCauseInstanceOf(InvalidStateStoreException.class);
    }

    @Test
    void aStoreThatMovesAwayMidReadIs503() {
        keyHeldBy("k-1", SELF, 0);
        when(store.get("k-1")).thenThrow(new InvalidStateStoreException("closed"));

        assertThatThrownBy(() -> queries.lookup(STORE, "k-1")).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("being rebalanced");
    }

    @Test
    void aReadOfThisInstancesShareTakesAllItsPartitionsAndIsA503WhenTheStoreGoesAway() {
        when(store.approximateNumEntries()).thenReturn(7L);

        long entries = queries.readLocal(STORE, QueryableStoreTypes.<String, String>keyValueStore(),
                ReadOnlyKeyValueStore::approximateNumEntries);

        assertThat(entries).isEqualTo(7);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<StoreQueryParameters<?>> asked = ArgumentCaptor.forClass(StoreQueryParameters.class);
        verify(streams).store(asked.capture());
        assertThat(asked.getValue().partition()).as("every partition").isNull();

        when(store.approximateNumEntries()).thenThrow(new InvalidStateStoreException("closed"));
        assertThatThrownBy(() -> queries.readLocal(STORE, QueryableStoreTypes.<String, String>keyValueStore(),
                ReadOnlyKeyValueStore::approximateNumEntries)).isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void localPartitionsAreThisInstancesOnesOnceEachInOrder() {
        StreamsMetadata mine = metadata(SELF, 4, 1, 4);
        StreamsMetadata theirs = metadata(OTHER, 0, 2);
        when(streams.streamsMetadataForStore(STORE)).thenReturn(List.of(theirs, mine));

        assertThat(queries.localPartitions(STORE)).containsExactly(1, 4);

        when(streams.streamsMetadataForStore(STORE)).thenReturn(List.of(theirs));
        assertThat(queries.localPartitions(STORE)).isEmpty();
    }

    @Test
    void theHostsOfAStoreIncludeThisOneAndNoneKnownIs503() {
        StreamsMetadata mine = metadata(SELF, 0);
        StreamsMetadata theirs = metadata(OTHER, 1);
        when(streams.streamsMetadataForStore(STORE)).thenReturn(List.of(mine, theirs));

        assertThat(queries.hostsOf(STORE)).containsExactly(SELF, OTHER);

        when(streams.streamsMetadataForStore(STORE)).thenReturn(List.of());
        assertThatThrownBy(() -> queries.hostsOf(STORE)).isInstanceOf(ServiceUnavailableException.class);
    }

    /** A host's metadata; the input topics' partitions stand for its tasks (two topics, so repeats). */
    private static StreamsMetadata metadata(HostInfo host, int... partitions) {
        StreamsMetadata metadata = mock(StreamsMetadata.class);
        when(metadata.hostInfo()).thenReturn(host);
        Set<TopicPartition> topicPartitions = new HashSet<>();
        for (int partition : partitions) {
            topicPartitions.add(new TopicPartition("a", partition));
            topicPartitions.add(new TopicPartition("b", partition));
        }
        when(metadata.topicPartitions()).thenReturn(topicPartitions);
        return metadata;
    }
}
