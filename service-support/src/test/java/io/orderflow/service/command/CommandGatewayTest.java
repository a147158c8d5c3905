package io.orderflow.service.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.events.basket.BasketCommand;
import io.orderflow.events.basket.RemoveBasketItem;
import io.orderflow.events.command.CommandResult;
import io.orderflow.events.topics.Topics;
import io.orderflow.service.trace.TraceParent;
import io.orderflow.service.web.ServiceUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.SmartLifecycle;

/**
 * The gateway's promises without a broker: the producer and the result listener it reads answers
 * from are stand-ins, so a test decides whether Kafka takes the command and whether, and when, it is answered.
 */
class CommandGatewayTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final RemoveBasketItem COMMAND = new RemoveBasketItem("cmd-1", "c-1", "p-1");

    private final CompletableFuture<CommandResult> answer = new CompletableFuture<>();
    @SuppressWarnings("unchecked")
    private final Producer<String, BasketCommand> producer = mock(Producer.class);
    private final CommandResultListener listener = mock(CommandResultListener.class);
    private final CommandGateway<BasketCommand> gateway = new CommandGateway<>(Topics.BASKET_COMMANDS, listener,
            producer, TIMEOUT);

    @BeforeEach
    void theListenerAwaitsTheCommand() {
        when(listener.expect("cmd-1")).thenReturn(answer);
    }

    @SuppressWarnings("unchecked")
    private ProducerRecord<String, BasketCommand> sentRecord(ArgumentCaptor<Callback> callback) {
        ArgumentCaptor<ProducerRecord<String, BasketCommand>> record = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(producer).send(record.capture(), callback.capture());
        return record.getValue();
    }

    private static Throwable failureOf(CompletableFuture<CommandResult> future) {
        ExecutionException failed = catchThrowableOfType(ExecutionException.class,
                () -> future.get(10, TimeUnit.SECONDS));
        assertThat(failed).as("the future failed").isNotNull();
        return failed.getCause();
    }

    @Test
    void theCommandIsWrittenToItsTopicUnderTheKeyWithATraceparent() {
        gateway.send("c-1", "cmd-1", COMMAND);

        ProducerRecord<String, BasketCommand> record = sentRecord(ArgumentCaptor.forClass(Callback.class));
        assertThat(record.topic()).isEqualTo(Topics.BASKET_COMMANDS.name());
        assertThat(record.key()).isEqualTo("c-1");
        assertThat(record.value()).isEqualTo(COMMAND);
        assertThat(TraceParent.from(record.headers())).as("a new trace outside a request").isPresent();
    }

    @Test
    void theCommandsAnswerCompletesTheFuture() throws Exception {
        CompletableFuture<CommandResult> sent = gateway.send("c-1", "cmd-1", COMMAND);
        assertThat(sent).as("waiting for the answer").isNotDone();

        CommandResult result = CommandResult.applied("cmd-1", "c-1");
        answer.complete(result);

        assertThat(sent.get(10, TimeUnit.SECONDS)).isEqualTo(result);
    }

    @Test
    void aCommandNotAnsweredInTimeFailsAs503SayingItMayStillBeApplied() {
        CompletableFuture<CommandResult> sent = gateway.send("c-1", "cmd-1", COMMAND);

        Throwable failure = failureOf(sent);

        assertThat(failure).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("not confirmed within " + TIMEOUT.toMillis() + " ms")
                .hasMessageContaining("may still be applied");
    }

    @Test
    void aCommandKafkaRefusesFailsAs503AtOnce() {
        CompletableFuture<CommandResult> sent = gateway.send("c-1", "cmd-1", COMMAND);
        ArgumentCaptor<Callback> callback = ArgumentCaptor.forClass(Callback.class);
        sentRecord(callback);

        callback.getValue().onCompletion(null, new TimeoutException("no broker"));

        assertThat(failureOf(sent)).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("Kafka did not accept the request").hasMessageContaining("no broker");
    }

    @Test
    void aSendThatThrowsFailsAs503Too() {
        when(producer.send(any(), any())).thenThrow(new IllegalStateException("producer closed"));

        CompletableFuture<CommandResult> sent = gateway.send("c-1", "cmd-1", COMMAND);

        assertThat(failureOf(sent)).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("producer closed");
    }

    @Test
    void itStartsAndStopsWithItsListenerBeforeTheWebServerAndClosesTheProducer() {
        gateway.start();
        verify(listener).start();
        when(listener.isRunning()).thenReturn(true);
        assertThat(gateway.isRunning()).isTrue();
        assertThat(gateway.getPhase()).isLessThan(SmartLifecycle.DEFAULT_PHASE);

        gateway.stop();
        verify(listener).close();

        gateway.close();
        verify(producer).close(any(Duration.class));
    }
}
