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
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.TaskMigratedException;
import org.apache.kafka.streams.kstream.KStream;
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
 * An unreadable record read through {@link TopicSources} is dead-lettered inside the task's exactly-once
 * transaction, on a real broker: when the task loses its transaction after the dead letter was written (here a
 * processor after the read step throws {@link TaskMigratedException} once, as a task does that loses its
 * partitions mid-transaction), the dead letter is aborted with everything else, the poison is read again, and
 * a {@code read_committed} reader of the dead-letter topic finds it once. The aborted copy is still in the log:
 * a {@code read_uncommitted} reader sees two.
 */
@SpringBootTest(classes = ReadDeadLettersIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        // Long enough that the poison and the crash fall into one transaction however the records are polled.
        properties = "orderflow.kafka.commit-interval-ms=5000")
class ReadDeadLettersIT {

    static final String APPLICATION = "read-dead-letters-it";
    /** Values starting with "poison" cannot be read; the others are events. */
    static final Topic<String, String> IN = new Topic<>("rdl-in", "any", Serdes.String(), strictStrings());
    static final Topic<String, String> OUT = new Topic<>("rdl-out", "any", Serdes.String(), Serdes.String());
    static final Topic<String, String> DLQ = new Topic<>(Topics.deadLetterTopic(APPLICATION), "any",
            Serdes.String(), Serdes.String());
    static final AtomicBoolean CRASHED = new AtomicBoolean();

    @Autowired
    KafkaStreamsHealth health;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestKafka.registerApplication(registry, APPLICATION);
    }

    @Test
    void aPoisonRecordReadAgainAfterAnAbortedTransactionIsDeadLetteredOnce() {
        await().atMost(Duration.ofSeconds(60)).until(health::isReady);
        String bootstrap = TestKafka.bootstrapServers();
        for (String value : List.of("poison: not an event", "crash-once", "after")) {
            TopicProbe.send(bootstrap, new Topic<>(IN.name(), "any", Serdes.String(), Serdes.String()), "k", value);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                TopicProbe.readAll(bootstrap, OUT).stream().map(ConsumerRecord::value)).containsExactly("crash-once", "after"));

        assertThat(CRASHED).as("the task lost its transaction once").isTrue();
        List<ConsumerRecord<String, String>> dead = TopicProbe.readAll(bootstrap, DLQ, true);
        assertThat(dead).as("committed dead letters").hasSize(1);
        ConsumerRecord<String, String> letter = dead.get(0);
        assertThat(letter.key()).isEqualTo("k");
        assertThat(letter.value()).isEqualTo("poison: not an event");
        assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("deserialization");
        assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(IN.name());
        assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("cannot read 'poison: not an event'");
        assertThat(TopicProbe.readAllUncommitted(bootstrap, DLQ)).as("the aborted copy and the committed one")
                .hasSize(2);
        assertThat(health.isAlive()).isTrue();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static Serde<String> strictStrings() {
        StringDeserializer strings = new StringDeserializer();
        return Serdes.serdeFrom(Serdes.String().serializer(), (topic, bytes) -> {
            String value = strings.deserialize(topic, bytes);
            if (value != null && value.startsWith("poison")) {
                throw new SerializationException("cannot read '" + value + "'");
            }
            return value;
        });
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ServiceSupport.class)
    static class App {

        @Bean
        KafkaAdmin.NewTopics topics() {
            return TestTopics.onePartitionEach(IN.name(), OUT.name());
        }

        /** Passes events through; on "crash-once" the first time, the task loses its partitions mid-transaction. */
        @Bean
        KStream<String, String> passThrough(StreamsBuilder builder) {
            KStream<String, String> in = TopicSources.stream(builder, IN);
            in.mapValues(value -> {
                if (value.equals("crash-once") && CRASHED.compareAndSet(false, true)) {
                    throw new TaskMigratedException("test: the task loses its partitions mid-transaction");
                }
                return value;
            }).to(OUT.name(), OUT.produced());
            return in;
        }
    }
}
