package io.orderflow.testsupport.kafka;

import io.orderflow.events.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Typed reads and writes of a topic for tests: what is on it now, and putting an event (or raw bytes) on it. */
public final class TopicProbe {

    /**
     * Marks a record a test wrote as poison on purpose ({@link #sendPoison}): {@link #readAll} leaves such records
     * out, so the checks of a flow that survived poison can still read its topics as events.
     */
    public static final String POISON_HEADER = "orderflow-test-poison";

    private TopicProbe() {
    }

    /** Every committed record on the topic right now, read to the end offsets taken at the call. */
    public static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrapServers, Topic<K, V> topic) {
        return readAll(bootstrapServers, topic, false);
    }

    /**
     * As {@link #readAll(String, Topic)}, and with {@code withPoison} also the records marked as poison (e.g. on a
     * dead-letter topic, where the poison arrives with its headers).
     */
    public static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrapServers, Topic<K, V> topic,
            boolean withPoison) {
        return read(bootstrapServers, topic, withPoison, "read_committed");
    }

    /**
     * Every record on the topic, poison included, also those of aborted and open transactions: what a
     * {@code read_uncommitted} consumer sees, to show that a transaction was aborted.
     */
    public static <K, V> List<ConsumerRecord<K, V>> readAllUncommitted(String bootstrapServers, Topic<K, V> topic) {
        return read(bootstrapServers, topic, true, "read_uncommitted");
    }

    private static <K, V> List<ConsumerRecord<K, V>> read(String bootstrapServers, Topic<K, V> topic,
            boolean withPoison, String isolationLevel) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<K, V>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic.name() + " to its end");
                }
                for (ConsumerRecord<byte[], byte[]> raw : consumer.poll(Duration.ofMillis(200))) {
                    if (!withPoison && raw.headers().lastHeader(POISON_HEADER) != null) {
                        continue;
                    }
                    records.add(new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(), raw.timestamp(),
                            raw.timestampType(), raw.serializedKeySize(), raw.serializedValueSize(),
                            topic.keySerde().deserializer().deserialize(raw.topic(), raw.key()),
                            topic.valueSerde().deserializer().deserialize(raw.topic(), raw.value()),
                            raw.headers(), raw.leaderEpoch()));
                }
            }
            return records;
        }
    }

    /** Writes an event as a service would. */
    public static <K, V> void send(String bootstrapServers, Topic<K, V> topic, K key, V value) {
        sendRaw(bootstrapServers, topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                topic.valueSerde().serializer().serialize(topic.name(), value));
    }

    /** Writes raw bytes, for poison-message tests. */
    public static void sendRaw(String bootstrapServers, String topic, byte[] key, byte[] value) {
        send(bootstrapServers, new ProducerRecord<>(topic, key, value));
    }

    /** Writes raw bytes marked with {@link #POISON_HEADER}: a record {@link #readAll} does not return. */
    public static void sendPoison(String bootstrapServers, String topic, byte[] key, byte[] value) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(POISON_HEADER, new byte[] {1});
        send(bootstrapServers, record);
    }

    private static void send(String bootstrapServers, ProducerRecord<byte[], byte[]> record) {
        String topic = record.topic();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not write to " + topic, e.getCause());
        }
    }
}
