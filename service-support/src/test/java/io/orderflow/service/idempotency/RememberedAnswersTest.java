package io.orderflow.service.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.command.CommandStatus;
import io.orderflow.events.command.Idempotency;
import io.orderflow.events.serde.StateSerde;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store helper on a real (test-driven) window store: first answers kept 24 hours, repeats and reuses told apart. */
class RememberedAnswersTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final String SCOPE = "anonymous POST /things";

    /** A keyed request to the test processor; {@code passOn}: applied elsewhere, as orders-service's key check does. */
    record Request(String commandId, Idempotency idempotency, boolean passOn) {
    }

    /** Applies each new request (entity "thing-N", N counting applications) and answers repeats from the store. */
    static final class Applier implements Processor<String, Request, String, CommandResult> {

        private ProcessorContext<String, CommandResult> context;
        private RememberedAnswers answers;
        private int applied;

        @Override
        public void init(ProcessorContext<String, CommandResult> context) {
            this.context = context;
            this.answers = new RememberedAnswers(context.getStateStore(RememberedAnswers.STORE));
        }

        @Override
        public void process(Record<String, Request> record) {
            Request request = record.value();
            long at = record.timestamp();
            CommandResult answer = answers.answerToRepeat(request.idempotency(), request.commandId(), "thing", at);
            if (answer == null && request.passOn()) {
                answers.rememberPassedOn(request.idempotency(), at);
                answer = CommandResult.of(request.commandId(), "elsewhere", CommandStatus.APPLIED, "passed on");
            } else if (answer == null) {
                answer = CommandResult.applied(request.commandId(), "thing-" + ++applied);
                answers.remember(request.idempotency(), answer, at);
            }
            context.forward(record.withValue(answer));
        }
    }

    private TopologyTestDriver driver;
    private TestInputTopic<String, Request> requests;
    private TestOutputTopic<String, CommandResult> answers;
    private int commands;

    @BeforeEach
    void start() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(RememberedAnswers.storeBuilder());
        builder.stream("requests", Consumed.with(Serdes.String(), StateSerde.of(Request.class)))
                .process(Applier::new, Named.as("applier"), RememberedAnswers.STORE)
                .to("answers", Produced.with(Serdes.String(), StateSerde.of(CommandResult.class)));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "remembered-answers-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("remembered-answers").toString());
        driver = new TopologyTestDriver(builder.build(), props);
        requests = driver.createInputTopic("requests", Serdes.String().serializer(), StateSerde.of(Request.class));
        answers = driver.createOutputTopic("answers", Serdes.String().deserializer(), StateSerde.of(CommandResult.class));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private CommandResult send(String key, String fingerprint, Duration after) {
        return send(new Idempotency(SCOPE, key, fingerprint), false, after);
    }

    private CommandResult send(Idempotency idempotency, boolean passOn, Duration after) {
        requests.pipeInput("k", new Request("cmd-" + ++commands, idempotency, passOn), T0.plus(after));
        return answers.readValue();
    }

    @Test
    void aRepeatGetsTheFirstAnswerUnderItsOwnCommandIdAndChangesNothing() {
        CommandResult first = send("k-1", "f1", Duration.ZERO);
        CommandResult repeat = send("k-1", "f1", Duration.ofHours(23));

        assertThat(first).isEqualTo(CommandResult.applied("cmd-1", "thing-1"));
        assertThat(repeat).isEqualTo(new CommandResult("cmd-2", "thing-1", CommandStatus.APPLIED, "", true));
        assertThat(send("k-2", "f1", Duration.ofHours(23)).entityId()).as("another key: applied").isEqualTo("thing-2");
    }

    @Test
    void anotherRequestUnderAUsedKeyIsRefusedAndLeavesTheFirstAnswer() {
        send("k-1", "f1", Duration.ZERO);

        CommandResult reused = send("k-1", "f2", Duration.ofMinutes(1));

        assertThat(reused.status()).isEqualTo(CommandStatus.KEY_REUSED);
        assertThat(reused.commandId()).isEqualTo("cmd-2");
        assertThat(reused.detail()).isEqualTo("Idempotency-Key reused with a different request: 'k-1' was used "
                + "for another request in the last 24 hours");
        assertThat(send("k-1", "f1", Duration.ofMinutes(2))).extracting(CommandResult::entityId, CommandResult::replayed)
                .containsExactly("thing-1", true);
    }

    @Test
    void aKeyIsForgotten24HoursAfterItsFirstRequest() {
        send("k-1", "f1", Duration.ZERO);
        assertThat(send("k-1", "f1", Duration.ofHours(24).minusMillis(1)).replayed()).isTrue();

        CommandResult later = send("k-1", "f2", Duration.ofHours(24));

        assertThat(later).isEqualTo(CommandResult.applied("cmd-3", "thing-2"));
    }

    @Test
    void theSameKeyInAnotherScopeIsAnotherKey() {
        send("k-1", "f1", Duration.ZERO);

        CommandResult other = send(new Idempotency("someone POST /things", "k-1", "f2"), false, Duration.ofMinutes(1));

        assertThat(other.status()).isEqualTo(CommandStatus.APPLIED);
        assertThat(other.replayed()).isFalse();
    }

    @Test
    void aRequestPassedOnIsAppliedWhereItArrivesAndItsAnswerThenReplayed() {
        Idempotency key = new Idempotency(SCOPE, "k-1", "f1");
        assertThat(send(key, true, Duration.ZERO).detail()).isEqualTo("passed on");

        // The same task, when the request passed on lands in its own partition: apply it, as nothing answered it yet.
        CommandResult applied = send(key, false, Duration.ZERO);
        CommandResult repeat = send(key, true, Duration.ofMinutes(1));

        assertThat(applied).isEqualTo(CommandResult.applied("cmd-2", "thing-1"));
        assertThat(repeat).extracting(CommandResult::entityId, CommandResult::replayed).containsExactly("thing-1", true);
        assertThat(send(new Idempotency(SCOPE, "k-1", "f2"), true, Duration.ofMinutes(2)).status())
                .isEqualTo(CommandStatus.KEY_REUSED);
    }

    @Test
    void anEarlierClockStillFindsTheFirstRequest() {
        send("k-1", "f1", Duration.ofMinutes(5));

        assertThat(send("k-1", "f1", Duration.ZERO).replayed()).isTrue();
    }
}
