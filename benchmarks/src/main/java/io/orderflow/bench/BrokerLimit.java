package io.orderflow.bench;

import io.orderflow.events.order.Order;
import io.orderflow.events.order.OrderLine;
import io.orderflow.events.order.OrderState;
import io.orderflow.events.order.OrderStateChanged;
import io.orderflow.events.order.PlaceOrder;
import io.orderflow.events.topics.Topics;
import io.orderflow.localstack.KafkaBrokerProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/**
 * The broker's own limit on this machine, measured with Kafka's perf tools (kafka-tools, each run in its own
 * JVM) on records that are real serialized events of this suite:
 * <ol>
 *   <li>an idempotent {@code acks=all} producer with {@code linger.ms=1}, as the REST command gateway writes;</li>
 *   <li>a transactional producer committing every 100 ms with {@code linger.ms=100}, as the exactly-once Streams
 *       apps write (their commit interval and the producer linger Kafka Streams sets);</li>
 *   <li>a {@code read_committed} consumer reading what the transactional producer wrote.</li>
 * </ol>
 * The transactional producer's rate is "the broker's limit" the suite's traffic is compared with.
 */
final class BrokerLimit {

    private static final String IDEMPOTENT_TOPIC = "benchmark-perf-idempotent";
    private static final String TRANSACTIONAL_TOPIC = "benchmark-perf-transactional";

    /** The three measurements and the size of the records they used. */
    record Result(double averageRecordBytes, PerfToolOutput.ProducerSummary idempotentProducer,
            PerfToolOutput.ProducerSummary transactionalProducer, PerfToolOutput.ConsumerSummary consumer) {

        double limitMessagesPerSec() {
            return transactionalProducer.recordsPerSec();
        }
    }

    private final KafkaBrokerProcess broker;
    private final Path workDir;
    private final PrintStream out;

    BrokerLimit(KafkaBrokerProcess broker, Path workDir, PrintStream out) {
        this.broker = broker;
        this.workDir = workDir;
        this.out = out;
    }

    Result measure(long records) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        List<byte[]> payloads = samplePayloads();
        Path payloadFile = workDir.resolve("perf-payloads.txt");
        try (var file = Files.newOutputStream(payloadFile)) {
            for (byte[] payload : payloads) {
                file.write(payload);
                file.write('\n');
            }
        }
        double averageBytes = payloads.stream().mapToInt(p -> p.length).average().orElse(0);
        out.printf("Broker limit: %d records per run, payloads = our serialized events (%s bytes, average %.0f)%n",
                records, payloads.stream().map(p -> Integer.toString(p.length)).toList(), averageBytes);

        broker.createTopics(List.of(IDEMPOTENT_TOPIC, TRANSACTIONAL_TOPIC), Topics.PARTITIONS);
        String bootstrap = broker.bootstrapServers();
        // The tools take credentials from a file: a JAAS line does not survive --producer-props' key=value split.
        Path clientConfig = workDir.resolve("perf-client.properties");
        Files.writeString(clientConfig, clientConfigText(broker.adminClientProperties()), StandardCharsets.UTF_8);
        PerfToolOutput.ProducerSummary idempotent = PerfToolOutput.producer(runTool("perf-producer-idempotent",
                "org.apache.kafka.tools.ProducerPerformance", "--topic", IDEMPOTENT_TOPIC,
                "--num-records", Long.toString(records), "--payload-file", payloadFile.toString(),
                "--throughput", "-1", "--producer.config", clientConfig.toString(),
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
                "enable.idempotence=true", "linger.ms=1"));
        out.printf("  producer, idempotent, acks=all, linger.ms=1:         %,10.0f records/s  p99 %5.0f ms%n",
                idempotent.recordsPerSec(), idempotent.p99Ms());
        PerfToolOutput.ProducerSummary transactional = PerfToolOutput.producer(runTool("perf-producer-transactional",
                "org.apache.kafka.tools.ProducerPerformance", "--topic", TRANSACTIONAL_TOPIC,
                "--num-records", Long.toString(records), "--payload-file", payloadFile.toString(),
                "--throughput", "-1", "--transactional-id", "benchmark-perf", "--transaction-duration-ms", "100",
                "--producer.config", clientConfig.toString(),
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true",
                "linger.ms=100"));
        out.printf("  producer, transactions of 100 ms, linger.ms=100:     %,10.0f records/s  p99 %5.0f ms%n",
                transactional.recordsPerSec(), transactional.p99Ms());
        Path consumerConfig = workDir.resolve("perf-consumer.properties");
        Files.writeString(consumerConfig, clientConfigText(broker.adminClientProperties())
                + "isolation.level=read_committed\n", StandardCharsets.UTF_8);
        PerfToolOutput.ConsumerSummary consumer = PerfToolOutput.consumer(runTool("perf-consumer",
                "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrap,
                "--topic", TRANSACTIONAL_TOPIC, "--messages", Long.toString(records), "--group", "benchmark-perf",
                "--consumer.config", consumerConfig.toString(), "--timeout", "60000"));
        out.printf("  consumer, read_committed:                            %,10.0f records/s%n",
                consumer.fetchRecordsPerSec());
        deleteTopics(broker.adminClientProperties());
        return new Result(averageBytes, idempotent, transactional, consumer);
    }

    /** A two-line order as a PlaceOrder command and as the OrderStateChanged events of its life. */
    static List<byte[]> samplePayloads() {
        Instant created = Instant.parse("2026-11-25T10:00:00.123456Z");
        List<OrderLine> lines = List.of(new OrderLine("p-17", 2, new BigDecimal("19.99")),
                new OrderLine("p-18", 1, new BigDecimal("45.50")));
        String orderId = "o-123456";
        PlaceOrder place = new PlaceOrder("6f1c2a4e-5b7d-4c8e-9f10-1a2b3c4d5e6f", orderId, "c-42", lines, created);
        List<byte[]> payloads = new ArrayList<>();
        payloads.add(Topics.ORDER_COMMANDS.valueSerde().serializer().serialize(Topics.ORDER_COMMANDS.name(), place));
        OrderState previous = null;
        Instant at = created;
        for (OrderState state : List.of(OrderState.CREATED, OrderState.VALIDATED, OrderState.SHIPPED)) {
            Order order = new Order(orderId, "c-42", lines, Order.totalOf(lines), state, List.of(), created, at,
                    state == OrderState.SHIPPED ? "s-" + orderId : null);
            payloads.add(Topics.ORDERS.valueSerde().serializer().serialize(Topics.ORDERS.name(),
                    new OrderStateChanged(orderId + "/" + state, order, previous)));
            previous = state;
            at = at.plusMillis(150);
        }
        return payloads;
    }

    private List<String> runTool(String name, String mainClass, String... args) throws IOException, InterruptedException {
        Path log = workDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " ran over 10 minutes; see " + log);
        }
        List<String> lines = Files.readAllLines(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed (exit " + process.exitValue() + "); see " + log);
        }
        return lines;
    }

    /** A client config file's text; the JAAS line's quotes and '=' load back as they are. */
    private static String clientConfigText(Map<String, Object> properties) {
        StringBuilder text = new StringBuilder();
        properties.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString();
    }

    private static void deleteTopics(Map<String, Object> clientProperties) {
        try (Admin admin = Admin.create(clientProperties)) {
            admin.deleteTopics(List.of(IDEMPOTENT_TOPIC, TRANSACTIONAL_TOPIC)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Left-over perf topics only cost disk; the traffic figures count deltas, so they do not skew them.
        }
    }
}
