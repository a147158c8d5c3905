package io.orderflow.service.streams;

import static io.orderflow.events.topics.DeadLetterHeaders.VALUE_OMITTED;

import io.micrometer.core.instrument.Metrics;
import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first processor after a topic's source ({@link TopicSources}): reads each record with the topic's
 * serdes and forwards the event, or forwards a {@link DeadLetter} with the reason when it cannot: not an event
 * of the topic (not JSON, unknown type, newer version, missing or invalid fields), no key, or a key that is not
 * the id the event names ({@link Topic#misfiled}). A tombstone is no event and no error: it is skipped.
 */
final class ReadOrDeadLetter<K, V> implements Processor<byte[], byte[], Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(ReadOrDeadLetter.class);

    private final Topic<K, V> topic;
    private final Deserializer<K> keys;
    private final Deserializer<V> values;
    private ProcessorContext<Object, Object> context;
    private String deadLetterTopic;
    private int maxRecordBytes;

    ReadOrDeadLetter(Topic<K, V> topic) {
        this.topic = topic;
        this.keys = topic.keySerde().deserializer();
        this.values = topic.valueSerde().deserializer();
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.deadLetterTopic = Topics.deadLetterTopic(context.applicationId());
        this.maxRecordBytes = SizeCheckedClients.maxRequestSize(context.appConfigs());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.value() == null) {
            log.debug("skipping a tombstone on {}", topic.name());
            return;
        }
        K key;
        V value;
        try {
            if (record.key() == null) {
                throw new SerializationException("no key: " + topic.name() + " is keyed by " + topic.key());
            }
            key = keys.deserialize(topic.name(), record.headers(), record.key());
            value = values.deserialize(topic.name(), record.headers(), record.value());
            String misfiled = topic.misfiled(key, value);
            if (misfiled != null) {
                throw new IllegalArgumentException(misfiled);
            }
        } catch (RuntimeException e) {
            deadLetter(record, e);
            return;
        }
        context.forward(record.withKey(key).withValue(value));
    }

    private void deadLetter(Record<byte[], byte[]> record, RuntimeException exception) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        Headers headers = DeadLetterHandler.headersFor(DeadLetterHandler.READ_STAGE, source.topic(), source.partition(),
                source.offset(), record.headers(), exception);
        byte[] value = record.value();
        int size = SizeCheckedClients.estimatedSize(record.key(), value, headers);
        if (size > maxRecordBytes) {
            // A record near the size limit plus the dead letter's headers is over it: keep the reason and where the
            // record is (it stays on its topic for the topic's retention), not its bytes.
            headers.add(VALUE_OMITTED, DeadLetterHandler.tooLargeWithHeaders(value).getBytes(StandardCharsets.UTF_8));
            value = null;
        }
        log.warn("dead-lettering record {}-{}@{} (read failed): {}", source.topic(), source.partition(), source.offset(),
                DeadLetterHandler.reasonOf(exception));
        Metrics.counter(DeadLetterHandler.METRIC, "topic", source.topic(), "stage", DeadLetterHandler.READ_STAGE)
                .increment();
        context.forward(new Record<Object, Object>(record.key(), new DeadLetter(deadLetterTopic, value),
                record.timestamp(), headers));
    }
}
