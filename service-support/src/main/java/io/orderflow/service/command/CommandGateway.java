package io.orderflow.service.command;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.topics.Topic;
import io.orderflow.service.config.OrderflowProperties;
import io.orderflow.service.trace.TraceFilter;
import io.orderflow.service.trace.TraceParent;
import io.orderflow.service.web.ServiceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;

/**
 * Sends a command to the service's own topology and waits for its {@link CommandResult}: the HTTP layer's
 * only way to change state. The command is durable (acks=all, idempotent) before anything is answered, and
 * the answer is what the owning Streams task decided, so racing requests for one key each get the truth.
 *
 * <p>When Kafka is unreachable the send fails within {@code max.block.ms}/{@code delivery.timeout.ms} and
 * the caller gets a 503 problem, never a silent loss.
 */
public final class CommandGateway<C> implements SmartLifecycle, AutoCloseable {

    /**
     * Before the web server: the listener reads from the start, and is stopped only after the server has
     * finished its in-flight requests (graceful shutdown), which may still be waiting for their answers.
     */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final Topic<String, C> commands;
    private final CommandResultListener results;
    private final Producer<String, C> producer;
    private final Duration timeout;

    /**
     * The gateway of a service's command topic and its results topic: connected like every Kafka client of the
     * service ({@code OrderflowProperties.Kafka#clientProperties()}), for the command producer and the result
     * listener alike; a command may wait {@code orderflow.command-timeout-ms} for its answer before a 503.
     */
    public static <C> CommandGateway<C> of(Topic<String, C> commands, Topic<String, CommandResult> results,
            OrderflowProperties properties, Clock clock) {
        Map<String, Object> clientProperties = properties.kafka().clientProperties();
        return new CommandGateway<>(commands, new CommandResultListener(results, clientProperties, clock),
                newProducer(commands, clientProperties), Duration.ofMillis(properties.commandTimeoutMs()));
    }

    /** With the listener and producer given: for tests that decide what Kafka takes and answers. */
    CommandGateway(Topic<String, C> commands, CommandResultListener results, Producer<String, C> producer,
            Duration timeout) {
        this.commands = commands;
        this.results = results;
        this.producer = producer;
        this.timeout = timeout;
    }

    private static <C> Producer<String, C> newProducer(Topic<String, C> commands, Map<String, Object> clientProperties) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A few ms let concurrent requests share a produce request: far fewer requests for the broker under load.
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, commands.name() + "-gateway-" + ProcessHandle.current().pid());
        return new KafkaProducer<>(props, commands.keySerde().serializer(), commands.valueSerde().serializer());
    }

    /**
     * Sends the command under {@code key} and completes with its result, or exceptionally with
     * {@link ServiceUnavailableException} when Kafka did not take it or no answer came in time.
     */
    public CompletableFuture<CommandResult> send(String key, String commandId, C command) {
        CompletableFuture<CommandResult> answer = results.expect(commandId);
        try {
            ProducerRecord<String, C> record = new ProducerRecord<>(commands.name(), key, command);
            TraceParent trace = TraceFilter.current();
            (trace != null ? trace : TraceParent.newTrace()).writeTo(record.headers());
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    answer.completeExceptionally(unavailable(error));
                }
            });
        } catch (RuntimeException error) {
            answer.completeExceptionally(unavailable(error));
        }
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionallyCompose(error -> {
            if (error instanceof TimeoutException) {
                return CompletableFuture.failedFuture(new ServiceUnavailableException(
                        "the request was written but not confirmed within " + timeout.toMillis()
                                + " ms; it may still be applied", error));
            }
            return CompletableFuture.failedFuture(error);
        });
    }

    /** Whether results can be read, so writes answered (see {@link CommandResultListener#health()}). */
    public Health resultsHealth() {
        return results.health();
    }

    private static ServiceUnavailableException unavailable(Throwable error) {
        return new ServiceUnavailableException("Kafka did not accept the request: " + error.getMessage(), error);
    }

    @Override
    public void start() {
        results.start();
    }

    @Override
    public boolean isRunning() {
        return results.isRunning();
    }

    @Override
    public void stop() {
        results.close();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Also when the context is closed without being stopped (a failed start-up). */
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        results.close();
    }
}
