package io.orderflow.localstack.deadletters;

import io.orderflow.events.topics.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/** Dead letters as DeadLetterHandler writes them, built in memory for the unit tests. */
final class DeadLetterFixture {

    static final String DLQ = "stock-service-dlq";

    private final int partition;
    private final long offset;
    private long timestamp = 1_000;
    private byte[] key = utf8("p-1");
    private byte[] value = utf8("{\"type\":\"ReserveStock\"}");
    private final List<Header> headers = new ArrayList<>();

    private DeadLetterFixture(int partition, long offset) {
        this.partition = partition;
        this.offset = offset;
    }

    /** A dead letter at partition@offset of the DLQ, with no dlq.* headers yet. */
    static DeadLetterFixture at(int partition, long offset) {
        return new DeadLetterFixture(partition, offset);
    }

    DeadLetterFixture failed(String stage, String sourceTopic, int sourcePartition, long sourceOffset) {
        header(DeadLetterHeaders.REASON, "boom");
        header(DeadLetterHeaders.EXCEPTION, IllegalStateException.class.getName());
        header(DeadLetterHeaders.STAGE, stage);
        header(DeadLetterHeaders.SOURCE_TOPIC, sourceTopic);
        header(DeadLetterHeaders.SOURCE_PARTITION, String.valueOf(sourcePartition));
        header(DeadLetterHeaders.SOURCE_OFFSET, String.valueOf(sourceOffset));
        return this;
    }

    /** The headers of a processing failure of stock-requests-2@5. */
    DeadLetterFixture processing() {
        return failed("processing", "stock-requests", 2, 5);
    }

    DeadLetterFixture header(String name, String text) {
        headers.add(new RecordHeader(name, utf8(text)));
        return this;
    }

    DeadLetterFixture at(long millis) {
        timestamp = millis;
        return this;
    }

    DeadLetterFixture key(String text) {
        key = text == null ? null : utf8(text);
        return this;
    }

    DeadLetterFixture value(String text) {
        value = text == null ? null : utf8(text);
        return this;
    }

    DeadLetter build() {
        return new DeadLetter(DLQ, partition, offset, timestamp, key, value, headers);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
