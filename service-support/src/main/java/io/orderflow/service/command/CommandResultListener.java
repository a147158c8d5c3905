package io.orderflow.service.command;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.topics.Topic;
import io.orderflow.service.web.ServiceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;

/**
 * Reads a command-results topic and completes the futures of the requests this instance is waiting on.
 *
 * <p>Every instance reads every partition (no consumer group: results for other instances' requests are
 * simply skipped), from the end of the topic as it was at start-up. It reads committed records only, so an
 * answer is never given for a state change that a failed transaction later rolled back.
 *
 * <p>Without it no write of this instance is ever answered, so it does not give up: when its consumer fails
 * it logs, pauses (100 ms, doubling up to 5 s), makes a new consumer and goes on where the old one stopped
 * (from the end instead, once three consumers in a row failed before reading anything, so a fault tied to
 * one position cannot stop it for good). Requests waiting meanwhile get their answer if it comes within their
 * timeout, a 503 otherwise. {@link #health()} says whether it can answer: not before it is first
 * positioned, DOWN once it has been failing for longer than {@code failingBound}.
 */
public final class CommandResultListener implements AutoCloseable {

    static final Duration DEFAULT_FAILING_BOUND = Duration.ofSeconds(30);
    static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);
    private static final Duration POSITIONED_WAIT = Duration.ofSeconds(30);
    /** Consumers in a row that fail before reading anything before the listener skips to the end. */
    static final int ATTEMPTS_BEFORE_SKIPPING = 3;

    private static final Logger log = LoggerFactory.getLogger(CommandResultListener.class);

    private final Topic<String, CommandResult> topic;
    private final Properties consumerConfig;
    private final Function<Properties, Consumer<byte[], byte[]>> consumers;
    private final Duration failingBound;
    private final Clock clock;
    private final Map<String, CompletableFuture<CommandResult>> pending = new ConcurrentHashMap<>();
    /** Where each partition was read up to: a new consumer after a failure goes on from here. */
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private Thread thread;
    private volatile boolean running;
    private volatile Consumer<byte[], byte[]> current;
    private volatile Instant positionedAt;
    private volatile Instant failingSince;
    private volatile String lastError;
    private volatile int restarts;

    /** @param clientProperties how to reach the brokers ({@code OrderflowProperties.Kafka#clientProperties()}) */
    public CommandResultListener(Topic<String, CommandResult> topic, Map<String, Object> clientProperties, Clock clock) {
        // Bytes, read per record below: one unreadable record must not stop every answer after it.
        this(topic, clientProperties,
                props -> new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                DEFAULT_FAILING_BOUND, clock);
    }

    CommandResultListener(Topic<String, CommandResult> topic, Map<String, Object> clientProperties,
            Function<Properties, Consumer<byte[], byte[]>> consumers, Duration failingBound, Clock clock) {
        this.topic = topic;
        this.consumers = consumers;
        this.failingBound = failingBound;
        this.clock = clock;
        this.consumerConfig = new Properties();
        consumerConfig.putAll(clientProperties);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, topic.name() + "-listener-" + ProcessHandle.current().pid());
    }

    /** Starts reading on a thread of its own; its owner ({@link CommandGateway}, a Spring lifecycle) calls it once. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, topic.name() + "-listener");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether it was started and not yet closed. */
    public boolean isRunning() {
        return running;
    }

    /**
     * Registers interest in a command's result. Call before sending the command, so a fast answer cannot
     * be read before anyone waits for it.
     *
     * @throws ServiceUnavailableException when the listener has not yet been positioned after start-up
     */
    public CompletableFuture<CommandResult> expect(String commandId) {
        awaitPositioned();
        CompletableFuture<CommandResult> future = new CompletableFuture<>();
        pending.put(commandId, future);
        future.whenComplete((r, e) -> pending.remove(commandId));
        return future;
    }

    private void awaitPositioned() {
        try {
            if (!positioned.await(POSITIONED_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ServiceUnavailableException("not yet reading " + topic.name() + "; nothing was written");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted while waiting to read " + topic.name(), e);
        }
    }

    /**
     * UP while reading (or failing for less than the bound, as it recovers by itself); OUT_OF_SERVICE until
     * first positioned; DOWN once failing for longer than the bound: writes here cannot be answered.
     */
    public Health health() {
        Instant failing = failingSince;
        Health.Builder builder;
        if (positionedAt == null) {
            builder = Health.outOfService().withDetail("state", "positioning");
        } else if (failing != null && Duration.between(failing, clock.instant()).compareTo(failingBound) > 0) {
            builder = Health.down().withDetail("state", "failing");
        } else {
            builder = Health.up().withDetail("state", failing == null ? "reading" : "recovering");
        }
        builder.withDetail("topic", topic.name()).withDetail("restarts", restarts);
        if (failing != null) {
            builder.withDetail("failingSince", failing.toString()).withDetail("failingBound", failingBound.toString());
        }
        if (lastError != null) {
            builder.withDetail("lastError", lastError);
        }
        return builder.build();
    }

    public String topicName() {
        return topic.name();
    }

    private void run() {
        Duration pause = FIRST_PAUSE;
        int attemptsWithoutProgress = 0;
        while (running) {
            boolean madeProgress = false;
            boolean resume = !positions.isEmpty() && attemptsWithoutProgress < ATTEMPTS_BEFORE_SKIPPING;
            if (!positions.isEmpty() && !resume) {
                log.warn("command result listener on {} failed {} times without reading anything; going on from "
                        + "the end of the topic (requests waiting for results written meanwhile time out)",
                        topic.name(), attemptsWithoutProgress);
            }
            Consumer<byte[], byte[]> consumer = null;
            try {
                consumer = consumers.apply(consumerConfig);
                current = consumer;
                if (!running) {
                    return;
                }
                position(consumer, resume);
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        complete(record);
                    }
                    for (TopicPartition partition : consumer.assignment()) {
                        positions.put(partition, consumer.position(partition));
                    }
                    madeProgress = true;
                    if (failingSince != null) {
                        log.info("command result listener on {} is reading again", topic.name());
                        failingSince = null;
                    }
                    pause = FIRST_PAUSE;
                }
            } catch (WakeupException e) {
                if (!running) {
                    return;
                }
                pause = failed(e, pause);
            } catch (RuntimeException e) {
                pause = failed(e, pause);
            } finally {
                current = null;
                closeQuietly(consumer);
            }
            attemptsWithoutProgress = madeProgress ? 0 : attemptsWithoutProgress + 1;
        }
    }

    private void closeQuietly(Consumer<byte[], byte[]> consumer) {
        if (consumer == null) {
            return;
        }
        try {
            consumer.close(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            log.debug("closing the consumer of {} failed", topic.name(), e);
        }
    }

    /** At start, and after failing again and again at one place: the end of the topic. Otherwise where it stopped. */
    private void position(Consumer<byte[], byte[]> consumer, boolean resume) {
        List<TopicPartition> partitions = waitForPartitions(consumer);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        if (resume) {
            partitions.stream().filter(positions::containsKey).forEach(p -> consumer.seek(p, positions.get(p)));
        }
        // position() resolves the lazy seek now, so a result written after this point is never missed.
        partitions.forEach(p -> positions.put(p, consumer.position(p)));
        if (positionedAt == null) {
            positionedAt = clock.instant();
            positioned.countDown();
        }
    }

    private Duration failed(RuntimeException error, Duration pause) {
        if (failingSince == null) {
            failingSince = clock.instant();
        }
        restarts++;
        lastError = error.getClass().getName() + ": " + error.getMessage();
        log.error("command result listener on {} failed; a new consumer in {} ms (failing since {})",
                topic.name(), pause.toMillis(), failingSince, error);
        try {
            closed.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        Duration next = pause.multipliedBy(2);
        return next.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : next;
    }

    private List<TopicPartition> waitForPartitions(Consumer<byte[], byte[]> consumer) {
        while (running) {
            try {
                var infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                }
                // The topic does not exist yet (the service creates it at start-up): ask again shortly, not in a spin.
                closed.await(500, TimeUnit.MILLISECONDS);
            } catch (org.apache.kafka.common.errors.TimeoutException notYet) {
                // Kafka not reachable yet, or the topic not created yet.
                log.info("waiting for topic {}: {}", topic.name(), notYet.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
        throw new WakeupException();
    }

    /** An unreadable record is skipped: one record must not stop every answer after it. */
    private void complete(ConsumerRecord<byte[], byte[]> record) {
        CommandResult result;
        try {
            result = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
        } catch (RuntimeException unreadable) {
            log.warn("skipping unreadable record {}-{}@{} on {}: {}", record.topic(), record.partition(),
                    record.offset(), topic.name(), unreadable.getMessage());
            return;
        }
        if (result == null) {
            return;
        }
        CompletableFuture<CommandResult> future = pending.get(result.commandId());
        if (future != null) {
            future.complete(result);
        }
    }

    @Override
    public void close() {
        running = false;
        closed.countDown();
        Consumer<byte[], byte[]> consumer = current;
        if (consumer != null) {
            try {
                consumer.wakeup();
            } catch (RuntimeException alreadyClosed) {
                // The listener thread closed it meanwhile; it sees running == false next.
            }
        }
        Thread started;
        synchronized (this) {
            started = thread;
        }
        if (started == null) {
            return;
        }
        try {
            started.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
