package io.orderflow.service.streams;

import io.orderflow.events.topics.Topic;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The one way a topology writes its processor's outputs: the processor forwards one output type with a kind
 * per topic, and each kind goes to its topic through a step of its own.
 */
public final class TopicSinks {

    private TopicSinks() {
    }

    /**
     * Writes to {@code topic}, under their keys, the outputs of the kind {@code pick} takes the value from (null for
     * the outputs of other kinds), in a step named {@code name}.
     */
    public static <K, O, V> void send(KStream<K, O> outputs, String name, Topic<K, V> topic,
            Function<? super O, ? extends V> pick) {
        outputs.flatMapValues(output -> {
            V picked = pick.apply(output);
            return picked == null ? List.<V>of() : List.of(picked);
        }, Named.as(name)).to(topic.name(), topic.produced());
    }
}
