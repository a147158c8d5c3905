package io.orderflow.service.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.topics.Topic;
import io.orderflow.events.topics.Topics;
import io.orderflow.testsupport.kafka.TestKafka;
import io.orderflow.testsupport.kafka.TopicProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The result listener on a real broker: its consumer fails, it comes back, and its health says so meanwhile. */
class CommandResultListenerIT {

    private final String bootstrap = TestKafka.bootstrapServers();
    private final Topic<String, CommandResult> results = new Topic<>("it-results-" + UUID.randomUUID(), "command id",
            Topics.ORDER_COMMAND_RESULTS.keySerde(), Topics.ORDER_COMMAND_RESULTS.valueSerde());
    /** Polls still to fail: each poll of the listener's consumer fails while this is above zero. */
    private final AtomicInteger pollsToFail = new AtomicInteger();
    private CommandResultListener listener;

    @AfterEach
    void close() {
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    void aFailedConsumerIsReplacedAndAResultWrittenMeanwhileStillAnswersItsRequest() throws Exception {
        createTopic();
        listener = listener(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> status() == Status.UP);
        assertThat(answer("before")).isNotNull();

        pollsToFail.set(2);
        CompletableFuture<CommandResult> during = listener.expect("during");
        writeResult("during");

        assertThat(during.get(20, java.util.concurrent.TimeUnit.SECONDS).commandId()).isEqualTo("during");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(pollsToFail.get()).isZero();
            assertThat(status()).isEqualTo(Status.UP);
            assertThat(listener.health().getDetails()).containsEntry("state", "reading");
        });
        assertThat((int) listener.health().getDetails().get("restarts")).isEqualTo(2);
        assertThat(answer("after")).isNotNull();
    }

    @Test
    void notReadyUntilPositionedAndDownWhenFailingPastTheBoundThenUpAgain() throws Exception {
        listener = listener(Duration.ofSeconds(2));
        // The topic does not exist yet: the listener cannot be positioned.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> status() == Status.OUT_OF_SERVICE);
        createTopic();
        await().atMost(Duration.ofSeconds(30)).until(() -> status() == Status.UP);

        pollsToFail.set(Integer.MAX_VALUE);
        await().atMost(Duration.ofSeconds(10)).until(() -> status() == Status.UP
                && "recovering".equals(listener.health().getDetails().get("state")));
        await().atMost(Duration.ofSeconds(20)).until(() -> status() == Status.DOWN);
        assertThat(String.valueOf(listener.health().getDetails().get("lastError"))).contains("injected");

        pollsToFail.set(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> status() == Status.UP);
        assertThat(answer("recovered")).isNotNull();
    }

    private CommandResultListener listener(Duration failingBound) {
        CommandResultListener listener = new CommandResultListener(results, Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap), this::failingConsumer,
                failingBound, Clock.systemUTC());
        listener.start();
        return listener;
    }

    /** A real consumer whose poll fails on demand, as an unexpected client error would. */
    private Consumer<byte[], byte[]> failingConsumer(Properties config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()) {
            @Override
            public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
                if (pollsToFail.getAndUpdate(n -> n > 0 && n < Integer.MAX_VALUE ? n - 1 : n) > 0) {
                    throw new IllegalStateException("injected consumer failure");
                }
                return super.poll(timeout);
            }
        };
    }

    private CommandResult answer(String commandId) throws Exception {
        CompletableFuture<CommandResult> answer = listener.expect(commandId);
        writeResult(commandId);
        return answer.get(20, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void writeResult(String commandId) {
        TopicProbe.send(bootstrap, results, commandId, CommandResult.applied(commandId, "entity-" + commandId));
    }

    private Status status() {
        Health health = listener.health();
        return health.getStatus();
    }

    private void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(results.name(), 3, (short) 1))).all().get();
        }
    }
}
