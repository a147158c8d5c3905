package io.orderflow.testsupport.streams;

import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * One topology on {@link TopologyTestDriver}, built as the service builds it: with the Streams settings the
 * service runs with (pass {@code StreamsSettings.of(...)} from service-support), so an unnamed store or
 * internal topic fails here as it would at start-up. Topics are read and written with their registry serdes
 * ({@link Topic}), so a test cannot use other types than the services do.
 */
public final class TopologyHarness implements AutoCloseable {

    private final Topology topology;
    private final TopologyTestDriver driver;
    private final String applicationId;

    private TopologyHarness(Map<String, Object> settings, Consumer<StreamsBuilder> build, Instant wallClock) {
        Properties props = new Properties();
        props.putAll(settings);
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
        build.accept(builder);
        this.topology = builder.build();
        this.driver = new TopologyTestDriver(topology, props, wallClock);
        this.applicationId = String.valueOf(settings.get(StreamsConfig.APPLICATION_ID_CONFIG));
    }

    /** {@code build} adds the topology to the builder, as the service's topology bean does; the wall clock starts now. */
    public static TopologyHarness of(Map<String, Object> settings, Consumer<StreamsBuilder> build) {
        return new TopologyHarness(settings, build, Instant.now());
    }

    /** As {@link #of(Map, Consumer)}, with the driver's wall clock (punctuations) starting at {@code wallClock}. */
    public static TopologyHarness of(Map<String, Object> settings, Consumer<StreamsBuilder> build, Instant wallClock) {
        return new TopologyHarness(settings, build, wallClock);
    }

    /**
     * As {@link #of(Map, Consumer)}, in a fresh state directory of its own: {@code settings} makes the service's
     * settings for it. Made in a field initializer, with JUnit's {@code @AutoClose}, it needs no set-up methods.
     */
    public static TopologyHarness inFreshStateDir(Function<Path, Map<String, Object>> settings,
            Consumer<StreamsBuilder> build) {
        return new TopologyHarness(settings.apply(freshStateDir()), build, Instant.now());
    }

    /** As {@link #inFreshStateDir(Function, Consumer)}, with the driver's wall clock starting at {@code wallClock}. */
    public static TopologyHarness inFreshStateDir(Function<Path, Map<String, Object>> settings,
            Consumer<StreamsBuilder> build, Instant wallClock) {
        return new TopologyHarness(settings.apply(freshStateDir()), build, wallClock);
    }

    private static Path freshStateDir() {
        try {
            return Files.createTempDirectory("topology-harness-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    public <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    /** What the topology wrote to its dead-letter topic ({@link Topics#deadLetterTopic}), raw, with the headers. */
    public List<TestRecord<byte[], byte[]>> deadLetters() {
        return driver.createOutputTopic(Topics.deadLetterTopic(applicationId), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()).readRecordsToList();
    }

    public <K, V> KeyValueStore<K, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    public TopologyDescription describe() {
        return topology.describe();
    }

    /** The driver itself, for what the harness does not wrap (window stores, the wall clock). */
    public TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
    }
}
