package io.orderflow.service.streams;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** A record on its way to a dead-letter topic from inside a topology ({@link TopicSources}): where, and its raw value. */
record DeadLetter(String topic, byte[] value) {

    /** Writes the raw value as it was read; dead letters are never read back inside a topology. */
    static final Serde<DeadLetter> SERDE = Serdes.serdeFrom(
            (String topic, DeadLetter letter) -> letter == null ? null : letter.value(),
            (String topic, byte[] bytes) -> {
                throw new UnsupportedOperationException("dead letters are not read inside a topology");
            });
}
