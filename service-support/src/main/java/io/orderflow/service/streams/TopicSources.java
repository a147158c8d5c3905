package io.orderflow.service.streams;

import io.orderflow.events.topics.Topic;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The one way a service's topology reads a topic: as bytes, made into events by its first processor
 * ({@link ReadOrDeadLetter}). A record that cannot be read goes from there to the service's dead-letter topic
 * through the task's own producer, so it is written in the same exactly-once transaction as everything else
 * the task does: a task aborted after reading it reads it again and writes it again in the new transaction,
 * and a {@code read_committed} reader of the dead-letter topic sees it once. (Read with the topic's serdes by
 * the source itself, a bad record would reach {@link DeadLetterHandler} instead, whose writes are outside the
 * transaction: Kafka Streams 4.1 gives a deserialization handler no access to the task's producer.)
 */
public final class TopicSources {

    private TopicSources() {
    }

    /** The events of {@code topic}, keyed as written; its unreadable records dead-lettered (see the class). */
    public static <K, V> KStream<K, V> stream(StreamsBuilder builder, Topic<K, V> topic) {
        String read = "read-" + topic.name();
        Map<String, KStream<Object, Object>> branches = builder
                .stream(topic.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("from-" + topic.name()))
                .process(() -> new ReadOrDeadLetter<>(topic), Named.as(read))
                .split(Named.as(read + "-"))
                .branch((key, value) -> value instanceof DeadLetter, Branched.as("dead"))
                .defaultBranch(Branched.as("events"));
        KStream<byte[], DeadLetter> dead = cast(branches.get(read + "-dead"));
        dead.to((key, letter, context) -> letter.topic(),
                Produced.with(Serdes.ByteArray(), DeadLetter.SERDE).withName("dead-letters-from-" + topic.name()));
        return cast(branches.get(read + "-events"));
    }

    /**
     * As {@link #stream(StreamsBuilder, Topic)}, each event made one kind of the processor's input by {@code as}, in a
     * step named {@code name}: for a processor that merges several topics into one input type.
     */
    public static <K, V, I> KStream<K, I> stream(StreamsBuilder builder, Topic<K, V> topic, String name,
            Function<? super V, ? extends I> as) {
        return stream(builder, topic).mapValues(as::apply, Named.as(name));
    }

    /**
     * Each branch carries one type: the dead branch {@link ReadOrDeadLetter}'s raw-keyed dead letters, the other
     * what it read with the topic's own serdes.
     */
    @SuppressWarnings("unchecked")
    private static <K, V> KStream<K, V> cast(KStream<Object, Object> branch) {
        return (KStream<K, V>) (KStream<?, ?>) branch;
    }
}
