package io.orderflow.service.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.topics.DeadLetterHeaders;
import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link TopicSources} makes of each kind of record: the event, a dead letter with its reason, or nothing. */
class TopicSourcesTest {

    private static final String APPLICATION = "topic-sources-test";
    /** Values are words; "bad..." cannot be read; a value names its key before the first ':'. */
    private static final Topic<String, String> IN = new Topic<>("in", "word", Serdes.String(), words())
            .keyedBy(value -> value.contains(":") ? value.substring(0, value.indexOf(':')) : null);
    private static final int MAX_REQUEST_SIZE = 2_000;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> in;
    private TestOutputTopic<String, String> events;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        TopicSources.stream(builder, IN).to("out", Produced.with(Serdes.String(), Serdes.String()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.producerPrefix("max.request.size"), MAX_REQUEST_SIZE);
        driver = new TopologyTestDriver(builder.build(), props);
        in = driver.createInputTopic(IN.name(), new ByteArraySerializer(), new ByteArraySerializer());
        events = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
        deadLetters = driver.createOutputTopic(Topics.deadLetterTopic(APPLICATION), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void anEventUnderItsOwnKeyPassesWithItsHeaders() {
        TestRecord<byte[], byte[]> record = new TestRecord<>(utf8("k"), utf8("k:hello"));
        record.headers().add("traceparent", utf8("00-abc"));
        in.pipeInput(record);

        TestRecord<String, String> out = events.readRecord();
        assertThat(out.key()).isEqualTo("k");
        assertThat(out.value()).isEqualTo("k:hello");
        assertThat(text(out.headers(), "traceparent")).isEqualTo("00-abc");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void anUnreadableRecordIsDeadLetteredRawWithItsReasonAndTheNextStillPasses() {
        in.pipeInput(utf8("k"), utf8("bad input"));
        in.pipeInput(utf8("k"), utf8("k:next"));

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo(utf8("k"));
        assertThat(letter.value()).isEqualTo(utf8("bad input"));
        assertThat(text(letter.headers(), DeadLetterHeaders.REASON)).isEqualTo("not a word: bad input");
        assertThat(text(letter.headers(), DeadLetterHeaders.STAGE)).isEqualTo("deserialization");
        assertThat(text(letter.headers(), DeadLetterHeaders.EXCEPTION)).isEqualTo(SerializationException.class.getName());
        assertThat(text(letter.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(IN.name());
        assertThat(text(letter.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(events.readValuesToList()).containsExactly("k:next");
    }

    @Test
    void aRecordFiledUnderAnotherKeyOrNoneIsDeadLettered() {
        in.pipeInput(utf8("other"), utf8("k:misfiled"));
        in.pipeInput(null, utf8("k:keyless"));

        List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
        assertThat(letters).extracting(r -> text(r.headers(), DeadLetterHeaders.REASON)).containsExactly(
                "String for word k keyed by other", "no key: in is keyed by word");
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void aTombstoneIsSkipped() {
        in.pipeInput(utf8("k"), (byte[]) null);

        assertThat(events.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aDeadLetterThatWouldBeTooLargeKeepsItsReasonButNotItsValue() {
        byte[] large = utf8("bad" + "x".repeat(MAX_REQUEST_SIZE - 100));
        in.pipeInput(utf8("k"), large);

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(letter.value()).isNull();
        assertThat(text(letter.headers(), DeadLetterHeaders.VALUE_OMITTED))
                .isEqualTo("too large with the dead-letter headers: " + large.length + " bytes");
        assertThat(text(letter.headers(), DeadLetterHeaders.REASON)).startsWith("not a word: bad");
    }

    private static Serde<String> words() {
        StringDeserializer strings = new StringDeserializer();
        return Serdes.serdeFrom(Serdes.String().serializer(), (topic, bytes) -> {
            String value = strings.deserialize(topic, bytes);
            if (value.startsWith("bad")) {
                throw new SerializationException("not a word: " + value);
            }
            return value;
        });
    }

    private static String text(Headers headers, String name) {
        return headers.lastHeader(name) == null ? null : new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
