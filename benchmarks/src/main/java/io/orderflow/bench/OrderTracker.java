package io.orderflow.bench;

import io.orderflow.events.order.CheckType;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.topics.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The orders the benchmark placed, and a reader of {@code orders}, {@code order-validations} and
 * {@code shipments} (read_committed, from the beginning) that records when each order reached each state.
 * Event times give exact per-order state times; nothing is sampled. It reads only the fields it needs
 * ({@link TrackedEvents}), so following every order costs the benchmark little CPU.
 */
final class OrderTracker implements AutoCloseable {

    private static final List<String> TOPICS = List.of(Topics.ORDERS.name(), Topics.ORDER_VALIDATIONS.name(),
            Topics.SHIPMENTS.name());

    private final Map<String, TrackedOrder> orders = new ConcurrentHashMap<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Consumer<TrackedOrder> onFinal;
    private final Thread thread;
    private final AtomicLong finals = new AtomicLong();
    private final AtomicLong shipped = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong foreign = new AtomicLong();
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    /** @param onFinal called on the reader thread when an order reaches its first final state */
    /** @param clientProperties how to reach and authenticate to the broker */
    OrderTracker(Map<String, Object> clientProperties, Consumer<TrackedOrder> onFinal) {
        this.onFinal = onFinal;
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "benchmark-tracker");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = TOPICS.stream()
                .flatMap(t -> consumer.partitionsFor(t, Duration.ofSeconds(30)).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::run, "benchmark-tracker");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Registers an order before its POST goes out, so an event can never arrive for an unknown order. */
    void track(TrackedOrder order) {
        orders.put(order.spec().id(), order);
    }

    Collection<TrackedOrder> all() {
        return orders.values();
    }

    long finals() {
        return finals.get();
    }

    long shipped() {
        return shipped.get();
    }

    long unreadable() {
        return unreadable.get();
    }

    /** Events about orders the benchmark did not place (there should be none on a fresh stack). */
    long foreign() {
        return foreign.get();
    }

    void throwIfFailed() {
        if (failure != null) {
            throw new IllegalStateException("the topic reader stopped: " + failure.getMessage(), failure);
        }
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                // The records of one poll arrived together: one clock read for all of them.
                long seen = Micros.now();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    try {
                        handle(record, seen);
                    } catch (RuntimeException unreadableRecord) {
                        unreadable.incrementAndGet();
                    }
                }
            }
        } catch (WakeupException e) {
            if (running) {
                failure = e;
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> record, long seen) {
        String topic = record.topic();
        if (topic.equals(Topics.ORDERS.name())) {
            TrackedEvents.StateChange change = TrackedEvents.stateChange(record.value());
            TrackedOrder order = find(change.orderId());
            if (order != null && order.reached(change.state(), change.updatedMicros(), seen, change.reasons())) {
                finals.incrementAndGet();
                if (change.state() == OrderState.SHIPPED) {
                    shipped.incrementAndGet();
                }
                onFinal.accept(order);
            }
        } else if (topic.equals(Topics.ORDER_VALIDATIONS.name())) {
            TrackedEvents.Verdict verdict = TrackedEvents.verdict(record.value());
            TrackedOrder order = find(verdict.orderId());
            if (order != null) {
                order.checked(verdict.check() == CheckType.STOCK, verdict.checkedMicros());
            }
        } else {
            TrackedEvents.Shipment shipment = TrackedEvents.shipment(record.value());
            TrackedOrder order = find(shipment.orderId());
            if (order != null) {
                order.shipmentCreated(shipment.createdMicros());
            }
        }
    }

    private TrackedOrder find(String orderId) {
        TrackedOrder order = orders.get(orderId);
        if (order == null) {
            foreign.incrementAndGet();
        }
        return order;
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
