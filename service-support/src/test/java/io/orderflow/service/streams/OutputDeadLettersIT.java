package io.orderflow.service.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.topics.DeadLetterHeaders;
import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import io.orderflow.service.ServiceSupport;
import io.orderflow.testsupport.kafka.TestKafka;
import io.orderflow.testsupport.kafka.TestTopics;
import io.orderflow.testsupport.kafka.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Output records the producer refuses (too large) or that cannot be serialized are dead-lettered with their
 * reason, and the task goes on: the records after them on the same partition still come out, under the
 * shared exactly-once configuration on a real broker.
 */
@SpringBootTest(classes = OutputDeadLettersIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class OutputDeadLettersIT {

    static final String APPLICATION = "output-dead-letters-it";
    static final Topic<String, String> IN = new Topic<>("odl-in", "any", Serdes.String(), Serdes.String());
    static final Topic<String, String> OUT = new Topic<>("odl-out", "any", Serdes.String(), Serdes.String());
    static final Topic<String, String> DLQ = new Topic<>(Topics.deadLetterTopic(APPLICATION), "any",
            Serdes.String(), Serdes.String());
    /** Over the producer's max.request.size (1 MiB): the producer refuses it before it reaches the broker. */
    static final int TOO_LARGE = 2 * 1024 * 1024;

    @Autowired
    KafkaStreamsHealth health;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestKafka.registerApplication(registry, APPLICATION);
    }

    @Test
    void refusedAndUnserializableOutputsAreDeadLetteredOnceAndTheRecordsAfterThemStillComeOut() {
        await().atMost(Duration.ofSeconds(60)).until(health::isReady);
        String bootstrap = TestKafka.bootstrapServers();
        for (String value : List.of("first", "too-large", "unserializable", "last")) {
            TopicProbe.send(bootstrap, IN, "same-key", value);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                TopicProbe.readAll(bootstrap, OUT).stream().map(ConsumerRecord::value)).containsExactly("first", "last"));

        List<ConsumerRecord<String, String>> dead = TopicProbe.readAll(bootstrap, DLQ);
        ConsumerRecord<String, String> tooLarge = only(dead, "production");
        assertThat(header(tooLarge, DeadLetterHeaders.EXCEPTION)).endsWith("RecordTooLargeException");
        assertThat(header(tooLarge, DeadLetterHeaders.OUTPUT_TOPIC)).isEqualTo(OUT.name());
        assertThat(header(tooLarge, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(IN.name());
        assertThat(header(tooLarge, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("1");
        assertThat(header(tooLarge, DeadLetterHeaders.VALUE_OMITTED)).contains(String.valueOf(TOO_LARGE));
        assertThat(tooLarge.key()).isEqualTo("same-key");
        assertThat(tooLarge.value()).isNull();

        ConsumerRecord<String, String> unserializable = only(dead, "serialization");
        assertThat(header(unserializable, DeadLetterHeaders.REASON)).contains("refuses");
        assertThat(header(unserializable, DeadLetterHeaders.OUTPUT_TOPIC)).isEqualTo(OUT.name());
        assertThat(header(unserializable, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("2");
        assertThat(unserializable.value()).as("the input that produced it").isEqualTo("unserializable");
        assertThat(health.isAlive()).isTrue();
    }

    private static ConsumerRecord<String, String> only(List<ConsumerRecord<String, String>> dead, String stage) {
        List<ConsumerRecord<String, String>> atStage = dead.stream()
                .filter(r -> stage.equals(header(r, DeadLetterHeaders.STAGE))).toList();
        assertThat(atStage).as("dead letters of stage " + stage).hasSize(1);
        return atStage.get(0);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return StreamSupport.stream(record.headers().headers(name).spliterator(), false)
                .map(h -> new String(h.value(), StandardCharsets.UTF_8)).findFirst().orElse(null);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ServiceSupport.class)
    static class App {

        @Bean
        KafkaAdmin.NewTopics topics() {
            return TestTopics.onePartitionEach(IN.name(), OUT.name());
        }

        /** Passes values through, blowing "too-large" up past the producer's limit; its serde refuses "unserializable". */
        @Bean
        KStream<String, String> passThrough(StreamsBuilder builder) {
            KStream<String, String> in = builder.stream(IN.name(), Consumed.with(Serdes.String(), Serdes.String()));
            in.mapValues(v -> v.equals("too-large") ? "x".repeat(TOO_LARGE) : v)
                    .to(OUT.name(), Produced.with(Serdes.String(), refusing()));
            return in;
        }

        private static Serde<String> refusing() {
            StringSerializer strings = new StringSerializer();
            return Serdes.serdeFrom((topic, value) -> {
                if ("unserializable".equals(value)) {
                    throw new SerializationException("this serde refuses '" + value + "'");
                }
                return strings.serialize(topic, value);
            }, Serdes.String().deserializer());
        }
    }
}
