package io.orderflow.localstack.deadletters;

import io.orderflow.events.topics.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * One record of a dead-letter topic and what its {@code dlq.*} headers (see {@link DeadLetterHeaders}) say about
 * it. The arrays are the record's bytes as read; nothing changes them.
 *
 * @param value null when the record has none (then {@link #valueOmitted()} says whether it was left out)
 */
record DeadLetter(String dlqTopic, int partition, long offset, long timestamp, byte[] key, byte[] value,
                  List<Header> headers) {

    /** The stage whose dead letters hold the refused output record rather than the input. */
    static final String PRODUCTION = "production";

    DeadLetter {
        headers = List.copyOf(headers);
    }

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        List<Header> headers = new ArrayList<>();
        record.headers().forEach(headers::add);
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(),
                record.value(), headers);
    }

    DeadLetterPosition position() {
        return new DeadLetterPosition(partition, offset);
    }

    /** {@code <dlq topic>-<partition>@<offset>}: how a replay names it in {@code dlq.replayed-from}. */
    String coordinates() {
        return dlqTopic + "-" + partition + "@" + offset;
    }

    String stage() {
        return header(DeadLetterHeaders.STAGE);
    }

    String reason() {
        return header(DeadLetterHeaders.REASON);
    }

    String sourceTopic() {
        return header(DeadLetterHeaders.SOURCE_TOPIC);
    }

    /** {@code topic-partition@offset} of the input record, or {@code ?} where a header is missing. */
    String source() {
        return orUnknown(sourceTopic()) + "-" + orUnknown(header(DeadLetterHeaders.SOURCE_PARTITION)) + "@"
                + orUnknown(header(DeadLetterHeaders.SOURCE_OFFSET));
    }

    String outputTopic() {
        return header(DeadLetterHeaders.OUTPUT_TOPIC);
    }

    /** Why the value was left out (e.g. {@code too large: 2097152 bytes}), or null when it was not. */
    String valueOmitted() {
        return header(DeadLetterHeaders.VALUE_OMITTED);
    }

    /** The dead letter whose replay this record was, when a replayed record failed again; else null. */
    String replayedFrom() {
        return header(DeadLetterHeaders.REPLAYED_FROM);
    }

    /**
     * Where a replay publishes this record. Stage production holds the output record the producer refused (the
     * input was processed, and what that changed was committed), so it goes to the output topic it was for:
     * publishing it there is exactly what did not happen, and on the input topic it would be a poison record
     * of the wrong type. Every other stage holds the input record, which goes back to its source topic to be
     * processed again. Null when the headers do not say.
     */
    String replayTopic() {
        return PRODUCTION.equals(stage()) ? outputTopic() : sourceTopic();
    }

    /**
     * The partition a replay writes to: the input's own partition, so the task that failed on it gets it again
     * whatever its key. A refused output record's partition is not recorded: the key decides, as it would have
     * for Kafka Streams' default partitioner.
     */
    Integer replayPartition() {
        return PRODUCTION.equals(stage()) ? null : parseInt(header(DeadLetterHeaders.SOURCE_PARTITION));
    }

    /** Why this dead letter cannot be replayed, if it cannot. */
    Optional<String> whyNotReplayable() {
        String topic = replayTopic();
        if (valueOmitted() != null) {
            return Optional.of("value omitted (" + valueOmitted() + "): there is nothing to publish; the input is"
                    + " still at " + source() + " for that topic's retention");
        }
        if (topic == null || topic.isBlank()) {
            return Optional.of("its headers do not say where it came from (" + DeadLetterHeaders.SOURCE_TOPIC
                    + (PRODUCTION.equals(stage()) ? ", " + DeadLetterHeaders.OUTPUT_TOPIC : "") + ")");
        }
        if (!PRODUCTION.equals(stage()) && replayPartition() == null) {
            return Optional.of("its headers do not say which partition it came from ("
                    + DeadLetterHeaders.SOURCE_PARTITION + ")");
        }
        if (topic.endsWith("-changelog") || topic.endsWith("-repartition")) {
            // Kafka Streams writes these beside its state; a record put there by hand would disagree with it.
            return Optional.of(topic + " is a Kafka Streams internal topic");
        }
        return Optional.empty();
    }

    /** The record a replay writes: key and value as they were, headers less {@code dlq.*}, plus where from. */
    ProducerRecord<byte[], byte[]> replayRecord() {
        List<Header> replayHeaders = new ArrayList<>();
        headers.stream().filter(h -> !h.key().startsWith(DeadLetterHeaders.PREFIX)).forEach(replayHeaders::add);
        replayHeaders.add(new RecordHeader(DeadLetterHeaders.REPLAYED_FROM, utf8(coordinates())));
        // No timestamp: the dead letter's is the time of the failure, not the original's; the replay is new.
        return new ProducerRecord<>(replayTopic(), replayPartition(), null, key, value, replayHeaders);
    }

    /**
     * What two copies of one dead letter have in common. The handler writes outside the task's transaction, so an
     * aborted task that replays a record dead-letters it again: same source record, same stage. One input can
     * also produce several outputs the producer refuses, each a dead letter of its own, so for stage production
     * the refused record (output topic, key, value) is part of it. Several outputs that cannot be serialized
     * are one dead letter for replay: each holds the same input, and processing it again makes them all.
     */
    SameFailure sameFailure() {
        if (sourceTopic() == null) {
            // Not written by the handler: nothing to compare it with, it stands alone.
            return new SameFailure(coordinates(), null, null, null, null);
        }
        String refused = PRODUCTION.equals(stage())
                ? outputTopic() + " " + digest(key) + " " + digest(value) + " " + valueOmitted()
                : null;
        return new SameFailure(sourceTopic(), header(DeadLetterHeaders.SOURCE_PARTITION),
                header(DeadLetterHeaders.SOURCE_OFFSET), stage(), refused);
    }

    record SameFailure(String sourceTopic, String sourcePartition, String sourceOffset, String stage, String refused) {
    }

    /** The last header of that name as text, or null. */
    String header(String name) {
        String found = null;
        for (Header header : headers) {
            if (header.key().equals(name) && header.value() != null) {
                found = new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return found;
    }

    private static Integer parseInt(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String orUnknown(String text) {
        return text == null ? "?" : text;
    }

    private static String digest(byte[] bytes) {
        if (bytes == null) {
            return "-";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
