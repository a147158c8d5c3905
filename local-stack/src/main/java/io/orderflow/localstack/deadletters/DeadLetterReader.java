package io.orderflow.localstack.deadletters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a dead-letter topic, read_committed, to the end offsets it had when the read started: dead letters
 * written meanwhile are left for the next run, so a busy topic cannot keep the tool reading.
 */
final class DeadLetterReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private DeadLetterReader() {
    }

    /**
     * @param fromOffset the first offset read on every partition (an earlier one than the partition's first
     *                   is its first)
     * @throws IllegalStateException when the topic does not exist or cannot be read to its end in time
     */
    static List<DeadLetter> read(KafkaClientSettings settings, String topic, long fromOffset) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings.consumer(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return read(consumer, topic, fromOffset, settings.timeout());
        } catch (KafkaException e) {
            throw new IllegalStateException("could not read " + topic + " from " + settings.bootstrapServers() + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<DeadLetter> read(KafkaConsumer<byte[], byte[]> consumer, String topic, long fromOffset,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("no topic " + topic + " (the service creates it when it first starts)");
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, Math.max(fromOffset, beginning.get(partition)));
        }
        List<DeadLetter> letters = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end within " + timeout.toSeconds()
                        + " s (--timeout raises it)");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(new TopicPartition(topic, record.partition()))) {
                    letters.add(DeadLetter.of(record));
                }
            }
        }
        return letters;
    }
}
