package io.orderflow.events.topics;

/**
 * The headers of a record on a dead-letter topic ({@link Topics#deadLetterTopic}), all UTF-8 text. Here, not in
 * the handler that writes them, because the dead-letter tool (local-stack) reads them without the service code.
 * What each one means: docs/events.md, "Dead letters".
 */
public final class DeadLetterHeaders {

    /** Every header the dead-letter handler adds starts with this; a replay strips them all. */
    public static final String PREFIX = "dlq.";
    public static final String REASON = "dlq.reason";
    public static final String EXCEPTION = "dlq.exception";
    /** {@code deserialization}, {@code processing}, {@code production} or {@code serialization}. */
    public static final String STAGE = "dlq.stage";
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    /** Stages production and serialization: the topic the output record was for. */
    public static final String OUTPUT_TOPIC = "dlq.output.topic";
    /** Present when the value was left out as too large; says how large it was. */
    public static final String VALUE_OMITTED = "dlq.value.omitted";
    /** On a replayed record: the dead letter it was replayed from, {@code <dlq topic>-<partition>@<offset>}. */
    public static final String REPLAYED_FROM = "dlq.replayed-from";

    private DeadLetterHeaders() {
    }
}
