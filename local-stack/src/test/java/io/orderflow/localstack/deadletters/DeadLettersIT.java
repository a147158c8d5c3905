package io.orderflow.localstack.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.topics.DeadLetterHeaders;
import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import io.orderflow.testsupport.http.FreePorts;
import io.orderflow.testsupport.kafka.TestKafka;
import io.orderflow.testsupport.kafka.TopicProbe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dead-letter tool against a real broker: a stock-service dead-letter topic holding what DeadLetterHandler
 * writes (one failure dead-lettered twice, as an aborted task does), listed, replayed, refused.
 *
 * <pre>
 * partition 0: 0@0 deserialization stock-requests-2@5   0@1 the same again   0@2 processing stock-commands-4@7
 * partition 1: 1@0 production, value omitted             1@1 production to order-validations
 * </pre>
 */
class DeadLettersIT {

    static final String SERVICE = "stock-service";
    static final String DLQ = Topics.deadLetterTopic(SERVICE);
    static final Topic<String, String> STOCK_REQUESTS = raw(Topics.STOCK_REQUESTS.name());
    static final Topic<String, String> STOCK_COMMANDS = raw(Topics.STOCK_COMMANDS.name());
    static final Topic<String, String> ORDER_VALIDATIONS = raw(Topics.ORDER_VALIDATIONS.name());
    static final long WRITTEN = System.currentTimeMillis() - 60_000;

    static String bootstrap;

    @BeforeAll
    static void deadLetters() throws Exception {
        bootstrap = TestKafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(DLQ, 2, (short) 1),
                    new NewTopic(STOCK_REQUESTS.name(), Topics.PARTITIONS, (short) 1),
                    new NewTopic(STOCK_COMMANDS.name(), Topics.PARTITIONS, (short) 1),
                    new NewTopic(ORDER_VALIDATIONS.name(), Topics.PARTITIONS, (short) 1))).all().get();
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Header> unreadable = List.of(header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                    header(DeadLetterHeaders.REASON, "Unexpected character ('b' (code 98)): expected a valid value\n at [Source: (byte[])\"{broken\"; line: 1]"),
                    header(DeadLetterHeaders.EXCEPTION, "org.apache.kafka.common.errors.SerializationException"),
                    header(DeadLetterHeaders.STAGE, "deserialization"),
                    header(DeadLetterHeaders.SOURCE_TOPIC, STOCK_REQUESTS.name()),
                    header(DeadLetterHeaders.SOURCE_PARTITION, "2"),
                    header(DeadLetterHeaders.SOURCE_OFFSET, "5"));
            send(producer, 0, WRITTEN, "p-1", "{broken", unreadable);
            // The same failure again, as a task aborted after dead-lettering it writes it when it replays the record.
            send(producer, 0, WRITTEN + 3_000, "p-1", "{broken", unreadable);
            send(producer, 0, WRITTEN + 1_000, "p-2", "{\"type\":\"SetStock\",\"quantity\":-1}", List.of(
                    header("orderflow-origin", "stock-api"),
                    header(DeadLetterHeaders.REASON, "quantity must not be negative"),
                    header(DeadLetterHeaders.EXCEPTION, "java.lang.IllegalArgumentException"),
                    header(DeadLetterHeaders.STAGE, "processing"),
                    header(DeadLetterHeaders.SOURCE_TOPIC, STOCK_COMMANDS.name()),
                    header(DeadLetterHeaders.SOURCE_PARTITION, "4"),
                    header(DeadLetterHeaders.SOURCE_OFFSET, "7")));
            send(producer, 1, WRITTEN + 2_000, "o-1", null, refusedOutput("o-1", List.of(
                    header(DeadLetterHeaders.VALUE_OMITTED, "too large: 2097152 bytes"))));
            send(producer, 1, WRITTEN + 4_000, "o-2", "{\"type\":\"OrderCheckCompleted\"}", refusedOutput("o-2", List.of()));
        }
    }

    @Test
    void listPrintsEachFailureOnceOldestFirstWithWhereItCameFromAndWhy() {
        Run list = run("list", SERVICE, "--bootstrap", bootstrap);

        assertThat(list.code()).isZero();
        assertThat(list.err()).isEmpty();
        List<String> lines = list.out().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("DLQ").contains("TIMESTAMP", "STAGE", "SOURCE", "REPLAY TO", "KEY", "VALUE", "REASON");
        assertThat(lines.get(1)).startsWith("0@0 ").contains(Instant.ofEpochMilli(WRITTEN).toString(),
                " deserialization ", " stock-requests-2@5 ", " stock-requests ", " p-1 ", " 7 bytes ")
                .endsWith(" Unexpected character ('b' (code 98)): expected a valid value ...");
        assertThat(lines.get(2)).startsWith("0@2 ").contains(" processing ", " stock-commands-4@7 ", " p-2 ", " 33 bytes ")
                .endsWith(" quantity must not be negative");
        assertThat(lines.get(3)).startsWith("1@0 ").contains(" production ", " stock-requests-3@9 ",
                " order-validations ", " o-1 ", " value omitted (too large: 2097152 bytes) ");
        assertThat(lines.get(4)).startsWith("1@1 ").contains(" production ", " order-validations ", " o-2 ", " 30 bytes ");
        assertThat(lines.get(5)).isEqualTo("4 dead letters in stock-service-dlq (1 second copy of the same failure left out)");
    }

    @Test
    void listFromAnOffsetWithALimit() {
        Run list = run("list", SERVICE, "--bootstrap", bootstrap, "--from-offset", "1", "--limit", "2");

        assertThat(list.code()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines).hasSize(4);
        // From offset 1 the second copy (0@1) has no first copy to be left out for.
        assertThat(lines.get(1)).startsWith("0@2 ");
        assertThat(lines.get(2)).startsWith("0@1 ").contains(" stock-requests-2@5 ");
        assertThat(lines.get(3)).isEqualTo("3 dead letters in stock-service-dlq from offset 1; the first 2 shown");
    }

    @Test
    void replayPublishesTheChosenOnesWithTheirKeyValueAndHeadersWhereTheyBelong() {
        Run replay = run("replay", SERVICE, "--bootstrap", bootstrap, "--offsets", "0@0,0@2,1@1");

        assertThat(replay.code()).as(replay.err()).isZero();
        assertThat(replay.out()).containsPattern("replayed 0@0 -> stock-requests-2@\\d+ \\(key p-1, 7 bytes\\)")
                .containsPattern("replayed 0@2 -> stock-commands-4@\\d+ \\(key p-2, 33 bytes\\)")
                .containsPattern("replayed 1@1 -> order-validations-\\d@\\d+ \\(key o-2, 30 bytes\\)")
                .endsWith("replayed 3 dead letters from stock-service-dlq\n");

        ConsumerRecord<String, String> unreadable = replayOf(STOCK_REQUESTS, "stock-service-dlq-0@0");
        assertThat(unreadable.partition()).as("the partition it came from").isEqualTo(2);
        assertThat(unreadable.key()).isEqualTo("p-1");
        assertThat(unreadable.value()).isEqualTo("{broken");
        assertThat(headerNames(unreadable)).containsExactly("traceparent", DeadLetterHeaders.REPLAYED_FROM);
        assertThat(header(unreadable, "traceparent")).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        ConsumerRecord<String, String> invalid = replayOf(STOCK_COMMANDS, "stock-service-dlq-0@2");
        assertThat(invalid.partition()).isEqualTo(4);
        assertThat(invalid.key()).isEqualTo("p-2");
        assertThat(invalid.value()).isEqualTo("{\"type\":\"SetStock\",\"quantity\":-1}");
        assertThat(headerNames(invalid)).containsExactly("orderflow-origin", DeadLetterHeaders.REPLAYED_FROM);

        ConsumerRecord<String, String> refused = replayOf(ORDER_VALIDATIONS, "stock-service-dlq-1@1");
        assertThat(refused.key()).as("the refused output, on the topic it was for").isEqualTo("o-2");
        assertThat(refused.value()).isEqualTo("{\"type\":\"OrderCheckCompleted\"}");
        assertThat(headerNames(refused)).containsExactly(DeadLetterHeaders.REPLAYED_FROM);
    }

    @Test
    void aDeadLetterWithoutItsValueIsRefusedAndNothingIsWritten() {
        int commandsBefore = TopicProbe.readAll(bootstrap, STOCK_COMMANDS).size();
        int validationsBefore = TopicProbe.readAll(bootstrap, ORDER_VALIDATIONS).size();

        Run replay = run("replay", SERVICE, "--bootstrap", bootstrap, "--offsets", "0@2,1@0");

        assertThat(replay.code()).isEqualTo(1);
        assertThat(replay.out()).isEmpty();
        assertThat(replay.err()).startsWith("dead-letters: nothing written: 1 chosen dead letter cannot be replayed:")
                .contains("1@0: value omitted (too large: 2097152 bytes)", "stock-requests-3@9");
        assertThat(TopicProbe.readAll(bootstrap, STOCK_COMMANDS)).hasSize(commandsBefore);
        assertThat(TopicProbe.readAll(bootstrap, ORDER_VALIDATIONS)).hasSize(validationsBefore);
    }

    @Test
    void aDryRunOfAllSaysWhatItWouldWriteAndWhatItLeavesOutAndWritesNothing() {
        int requestsBefore = TopicProbe.readAll(bootstrap, STOCK_REQUESTS).size();

        Run replay = run("replay", SERVICE, "--bootstrap", bootstrap, "--all", "--dry-run");

        assertThat(replay.code()).as(replay.err()).isZero();
        assertThat(replay.out().lines()).containsExactly(
                "skipped 0@1: a second copy of 0@0 (same failure)",
                "skipped 1@0, cannot be replayed: value omitted (too large: 2097152 bytes): there is nothing to publish;"
                        + " the input is still at stock-requests-3@9 for that topic's retention",
                "would replay 0@0 -> stock-requests-2 (key p-1, 7 bytes)",
                "would replay 0@2 -> stock-commands-4 (key p-2, 33 bytes)",
                "would replay 1@1 -> order-validations (partition by key) (key o-2, 30 bytes)",
                "dry run: 3 dead letters would be replayed, nothing written");
        assertThat(TopicProbe.readAll(bootstrap, STOCK_REQUESTS)).hasSize(requestsBefore);
    }

    @Test
    void aMissingTopicOrDeadLetterOrAnUnreachableBrokerFailsWithExitCodeOne() {
        Run noTopic = run("list", "basket-service", "--bootstrap", bootstrap);
        assertThat(noTopic.code()).isEqualTo(1);
        assertThat(noTopic.err()).contains("no topic basket-service-dlq");

        Run noLetter = run("replay", SERVICE, "--bootstrap", bootstrap, "--offsets", "0@0,1@99");
        assertThat(noLetter.code()).isEqualTo(1);
        assertThat(noLetter.err()).contains("nothing written: no dead letter at 1@99 in stock-service-dlq");

        long started = System.nanoTime();
        Run unreachable = run("list", SERVICE, "--bootstrap", "127.0.0.1:" + FreePorts.next(), "--timeout", "2");
        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.err()).startsWith("dead-letters: could not read stock-service-dlq from 127.0.0.1:");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by --timeout").isLessThan(Duration.ofSeconds(20));
    }

    private static List<Header> refusedOutput(String orderId, List<Header> extra) {
        List<Header> headers = new ArrayList<>(List.of(
                header(DeadLetterHeaders.REASON, "The message is 2097240 bytes when serialized which is larger than 1048576"),
                header(DeadLetterHeaders.EXCEPTION, "org.apache.kafka.common.errors.RecordTooLargeException"),
                header(DeadLetterHeaders.STAGE, "production"),
                header(DeadLetterHeaders.SOURCE_TOPIC, STOCK_REQUESTS.name()),
                header(DeadLetterHeaders.SOURCE_PARTITION, "3"),
                header(DeadLetterHeaders.SOURCE_OFFSET, "9"),
                header(DeadLetterHeaders.OUTPUT_TOPIC, ORDER_VALIDATIONS.name())));
        headers.addAll(extra);
        return headers;
    }

    private static ConsumerRecord<String, String> replayOf(Topic<String, String> topic, String deadLetter) {
        List<ConsumerRecord<String, String>> replays = TopicProbe.readAll(bootstrap, topic).stream()
                .filter(r -> deadLetter.equals(header(r, DeadLetterHeaders.REPLAYED_FROM))).toList();
        assertThat(replays).as("replays of " + deadLetter + " on " + topic.name()).hasSize(1);
        return replays.get(0);
    }

    private static List<String> headerNames(ConsumerRecord<?, ?> record) {
        return StreamSupport.stream(record.headers().spliterator(), false).map(Header::key).toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, int partition, long timestamp, String key,
            String value, List<Header> headers) throws Exception {
        producer.send(new ProducerRecord<>(DLQ, partition, timestamp, key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), headers)).get();
    }

    private static Topic<String, String> raw(String name) {
        return new Topic<>(name, "any", Serdes.String(), Serdes.String());
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DeadLetters.run(List.of(args), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
