package io.orderflow.service.streams;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Kafka Streams' clients, the default ones except that the producer refuses a record over its
 * {@code max.request.size} without touching its transaction.
 *
 * <p>Why: the plain producer, when a transactional send is too large, also puts the whole transaction into
 * an abortable error state (Kafka 4.1). Kafka Streams then cannot commit, the thread dies, the task replays
 * from its last commit and builds the same record again: {@link DeadLetterHandler} answering CONTINUE cannot
 * break that loop. Refused here instead, with the same size estimate and the same exception the producer
 * would use, the record reaches the production handler through the send callback as before, is
 * dead-lettered, and the transaction commits everything else.
 *
 * <p>What it does not cover: a record the broker itself refuses (a topic with a smaller
 * {@code max.message.bytes} than the producer's limit; this suite's topics keep the broker default, which is
 * larger). That still aborts the transaction; the thread dies and is replaced until
 * {@link StreamThreadReplacement} gives up and liveness fails.
 */
public final class SizeCheckedClients implements KafkaClientSupplier {

    /**
     * The producer's {@code max.request.size}, from its own config or from a Streams config (where
     * {@code producer.}-prefixed wins, as Kafka Streams resolves it).
     */
    static int maxRequestSize(Map<String, ?> config) {
        Object max = config.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        if (max == null) {
            max = config.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        }
        return max == null ? 1024 * 1024
                : (int) ConfigDef.parseType(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, max, ConfigDef.Type.INT);
    }

    /** The producer's upper bound for a record's size, uncompressed: what it compares with its limit. */
    static int estimatedSize(byte[] key, byte[] value, Headers headers) {
        return estimatedSize(CompressionType.NONE, key, value, headers);
    }

    private static int estimatedSize(CompressionType compression, byte[] key, byte[] value, Headers headers) {
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, compression, key, value,
                headers.toArray());
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return Admin.create(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        return new SizeCheckedProducer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return getConsumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return getConsumer(config);
    }

    static final class SizeCheckedProducer extends KafkaProducer<byte[], byte[]> {

        private final int maxRequestSize;
        private final CompressionType compression;

        SizeCheckedProducer(Map<String, Object> config) {
            super(config, new ByteArraySerializer(), new ByteArraySerializer());
            this.maxRequestSize = maxRequestSize(config);
            Object type = config.get(ProducerConfig.COMPRESSION_TYPE_CONFIG);
            this.compression = type == null ? CompressionType.NONE : CompressionType.forName(type.toString());
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            int size = estimatedSize(compression, record.key(), record.value(), record.headers());
            if (size <= maxRequestSize) {
                return super.send(record, callback);
            }
            RecordTooLargeException tooLarge = new RecordTooLargeException("The message is " + size
                    + " bytes when serialized which is larger than " + maxRequestSize
                    + ", which is the value of the " + ProducerConfig.MAX_REQUEST_SIZE_CONFIG + " configuration.");
            if (callback != null) {
                TopicPartition partition = new TopicPartition(record.topic(),
                        record.partition() == null ? RecordMetadata.UNKNOWN_PARTITION : record.partition());
                callback.onCompletion(new RecordMetadata(partition, -1, -1, RecordBatch.NO_TIMESTAMP, -1, -1), tooLarge);
            }
            return CompletableFuture.failedFuture(tooLarge);
        }
    }
}
