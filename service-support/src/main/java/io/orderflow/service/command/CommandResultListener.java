package io.orderflow.service.command;

import io.orderflow.events.command.CommandResult;
import io.orderflow.events.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a command-results topic and completes the futures of the requests this instance is waiting on.
 *
 * <p>Every instance reads every partition (no consumer group: results for other instances' requests are
 * simply skipped), from the end of the topic as it was at start-up. It reads committed records only, so an
 * answer is never given for a state change that a failed transaction later rolled back.
 */
public final class CommandResultListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandResultListener.class);

    private final Topic<String, CommandResult> topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, CompletableFuture<CommandResult>> pending = new ConcurrentHashMap<>();
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    public CommandResultListener(Topic<String, CommandResult> topic, String bootstrapServers) {
        this.topic = topic;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, topic.name() + "-listener-" + ProcessHandle.current().pid());
        // Bytes, read per record below: one unreadable record must not stop every answer after it.
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, topic.name() + "-listener");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Registers interest in a command's result. Call before sending the command, so a fast answer cannot
     * be read before anyone waits for it.
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
            if (!positioned.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not yet reading " + topic.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void run() {
        try {
            List<TopicPartition> partitions = waitForPartitions();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // position() resolves the lazy seek now, so a result written after this point is never missed.
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    complete(record);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("command result listener on {} stopped", topic.name(), e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private List<TopicPartition> waitForPartitions() {
        while (running) {
            try {
                var infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                }
            } catch (org.apache.kafka.common.errors.TimeoutException notYet) {
                // Kafka not reachable yet, or the topic not created yet (the service creates it at start-up).
                log.info("waiting for topic {}: {}", topic.name(), notYet.getMessage());
            }
        }
        throw new WakeupException();
    }

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
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
