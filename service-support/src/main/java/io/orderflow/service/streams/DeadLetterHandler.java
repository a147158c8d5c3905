package io.orderflow.service.streams;

import static io.orderflow.events.topics.DeadLetterHeaders.EXCEPTION;
import static io.orderflow.events.topics.DeadLetterHeaders.OUTPUT_TOPIC;
import static io.orderflow.events.topics.DeadLetterHeaders.REASON;
import static io.orderflow.events.topics.DeadLetterHeaders.SOURCE_OFFSET;
import static io.orderflow.events.topics.DeadLetterHeaders.SOURCE_PARTITION;
import static io.orderflow.events.topics.DeadLetterHeaders.SOURCE_TOPIC;
import static io.orderflow.events.topics.DeadLetterHeaders.STAGE;
import static io.orderflow.events.topics.DeadLetterHeaders.VALUE_OMITTED;

import io.micrometer.core.instrument.Metrics;
import io.orderflow.events.topics.DeadLetterHeaders;
import io.orderflow.events.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A poison record must not stop a service. This handler, for records that cannot be read, records whose
 * processing throws, and output records that cannot be serialized or that the producer refuses (too large,
 * invalid), logs the record's topic/partition/offset and the reason, copies it to the service's dead-letter
 * topic ({@code <application.id>-dlq}) with the reason in headers ({@link DeadLetterHeaders}), counts it in
 * {@code orderflow.dead.letters}, and lets the Streams app go on with the next record. A retriable send error
 * (a timeout, not enough replicas) is not a poison record: the task retries it from its last commit.
 *
 * <p>The services' topologies read their topics through {@link TopicSources}, which dead-letters an unreadable
 * input inside the task's transaction; this handler is what is left: a processor that throws, an output that
 * cannot be written, and any source read with typed serdes. The dead-letter write is confirmed before the app
 * goes on; if it cannot be written the handler answers FAIL, because skipping a record that was not kept
 * anywhere would lose it. It is written by a producer of its own, outside the task's exactly-once transaction:
 * Kafka Streams 4.1 gives a handler no way to hand records to the task's own producer (KIP-1034's dead-letter
 * responses are not in 4.1), so when a task that dead-lettered a record is later aborted and replays it, the
 * dead letter is written again. Readers of the dead-letter topic deduplicate on {@code dlq.source.*}.
 *
 * <p>What a dead letter carries: the input record as read for the first two stages; for a record the
 * producer refused, the refused output's key and value (the value left out when it was too large to write
 * anywhere, {@code dlq.value.omitted} says so) and its topic in {@code dlq.output.topic}; for an output that
 * could not be serialized, the raw input record that produced it when Kafka Streams still holds it.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler,
        ProductionExceptionHandler {

    /** Counts dead letters, tagged {@code topic} (the source) and {@code stage}. */
    static final String METRIC = "orderflow.dead.letters";

    /** The stage of a record that could not be read, here or in {@link ReadOrDeadLetter}. */
    static final String READ_STAGE = "deserialization";

    /** The longest reason kept in a dead letter's header and log line. */
    static final int MAX_REASON_CHARS = 1_000;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);
    /** One producer per application and broker, shared by the handler instances of all stream threads. */
    private static final Map<String, KafkaProducer<byte[], byte[]>> PRODUCERS = new ConcurrentHashMap<>();

    private String deadLetterTopic;
    private KafkaProducer<byte[], byte[]> producer;

    @Override
    public void configure(Map<String, ?> configs) {
        String applicationId = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
        String bootstrap = String.valueOf(configs.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        deadLetterTopic = Topics.deadLetterTopic(applicationId);
        producer = PRODUCERS.computeIfAbsent(applicationId + "@" + bootstrap, key -> newProducer(configs, applicationId));
    }

    /** Connected as the Streams app's own clients are (its settings that apply to a producer: brokers, security). */
    private static KafkaProducer<byte[], byte[]> newProducer(Map<String, ?> streamsConfigs, String applicationId) {
        Properties props = new Properties();
        streamsConfigs.forEach((name, value) -> {
            if (value != null && ProducerConfig.configNames().contains(name)) {
                props.put(name, value);
            }
        });
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, applicationId + "-dead-letters");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        boolean kept = deadLetter(READ_STAGE, context.topic(), context.partition(), context.offset(),
                record.key(), record.value(), record.headers(), exception);
        return kept ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        boolean kept = deadLetter("processing", context.topic(), context.partition(), context.offset(),
                context.sourceRawKey(), context.sourceRawValue(), context.headers(), exception);
        return kept ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
    }

    /** The producer refused an output record. Retriable: retry the task. Anything else: dead-letter it, go on. */
    @Override
    public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
            Exception exception) {
        if (exception instanceof RetriableException) {
            log.warn("retrying the task after a retriable error writing to {}: {}", record.topic(), exception.getMessage());
            return ProductionExceptionHandlerResponse.RETRY;
        }
        Headers extra = new RecordHeaders().add(OUTPUT_TOPIC, utf8(record.topic()));
        byte[] value = record.value();
        if (exception instanceof RecordTooLargeException && value != null) {
            // The dead-letter topic takes no larger records than the refused one's topic.
            extra.add(VALUE_OMITTED, utf8("too large: " + value.length + " bytes"));
            value = null;
        }
        boolean kept = deadLetter("production", context.topic(), context.partition(), context.offset(),
                record.key(), value, withExtra(record.headers(), extra), exception);
        return kept ? ProductionExceptionHandlerResponse.CONTINUE : ProductionExceptionHandlerResponse.FAIL;
    }

    /** An output record could not be serialized: dead-letter the input that produced it, go on. */
    @Override
    public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
            ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
        Headers extra = new RecordHeaders().add(OUTPUT_TOPIC, utf8(record.topic()));
        boolean kept = deadLetter("serialization", context.topic(), context.partition(), context.offset(),
                context.sourceRawKey(), context.sourceRawValue(), withExtra(context.headers(), extra), exception);
        return kept ? ProductionExceptionHandlerResponse.CONTINUE : ProductionExceptionHandlerResponse.FAIL;
    }

    private static Headers withExtra(Headers headers, Headers extra) {
        Headers all = new RecordHeaders();
        if (headers != null) {
            headers.forEach(all::add);
        }
        extra.forEach(all::add);
        return all;
    }

    private boolean deadLetter(String stage, String topic, int partition, long offset, byte[] key, byte[] value,
            Headers sourceHeaders, Exception exception) {
        log.warn("dead-lettering record {}-{}@{} ({} failed): {}", topic, partition, offset, stage, reasonOf(exception));
        Headers headers = headersFor(stage, topic, partition, offset, sourceHeaders, exception);
        try {
            try {
                send(key, value, headers);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RecordTooLargeException) || value == null) {
                    throw e;
                }
                // A record near the size limit plus the dead letter's headers is over it: keep the reason and
                // where the record is (it stays on its topic for the topic's retention), not its bytes.
                headers.add(VALUE_OMITTED, utf8(tooLargeWithHeaders(value)));
                send(key, null, headers);
            }
            Metrics.counter(METRIC, "topic", String.valueOf(topic), "stage", stage).increment();
            return true;
        } catch (Exception e) {
            log.error("could not write {}-{}@{} to {}; stopping rather than losing it", topic, partition, offset,
                    deadLetterTopic, e);
            return false;
        }
    }

    /** Why a dead letter's value was left out: with the headers, the record would be over the size limit. */
    static String tooLargeWithHeaders(byte[] value) {
        return "too large with the dead-letter headers: " + value.length + " bytes";
    }

    /** A dead letter's headers: the source record's, then where it was and why it failed ({@link DeadLetterHeaders}). */
    static Headers headersFor(String stage, String topic, int partition, long offset, Headers sourceHeaders,
            Exception exception) {
        Headers headers = new RecordHeaders();
        if (sourceHeaders != null) {
            sourceHeaders.forEach(headers::add);
        }
        return headers.add(REASON, utf8(reasonOf(exception)))
                .add(EXCEPTION, utf8(exception.getClass().getName()))
                .add(STAGE, utf8(stage))
                .add(SOURCE_TOPIC, utf8(String.valueOf(topic)))
                .add(SOURCE_PARTITION, utf8(String.valueOf(partition)))
                .add(SOURCE_OFFSET, utf8(String.valueOf(offset)));
    }

    private void send(byte[] key, byte[] value, Headers headers) throws Exception {
        producer.send(new ProducerRecord<>(deadLetterTopic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
    }

    /**
     * The exception's message, cut to {@link #MAX_REASON_CHARS}: a message may quote the bad input (a 900 KB id),
     * and a reason as large as the record would make the dead letter itself too large to write.
     */
    static String reasonOf(Exception exception) {
        String reason = String.valueOf(exception.getMessage());
        return reason.length() <= MAX_REASON_CHARS ? reason
                : reason.substring(0, MAX_REASON_CHARS) + "... (" + reason.length() + " characters)";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
