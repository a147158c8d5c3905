package io.orderflow.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft cluster of {@code size} combined broker+controller nodes, each a child JVM on 127.0.0.1 with a
 * static voter set, replication factor 3 and {@code min.insync.replicas} 2 for every topic it creates
 * itself. Nodes can be killed (SIGKILL) and started again on their own storage: the fault tests use it.
 *
 * <p>Node {@code i} (from 0) has node id {@code i + 1}, storage in {@code <data-dir>/kafka-<id>} and log
 * {@code <data-dir>/logs/kafka-<id>.log}.
 */
public final class KafkaClusterProcess {

    private final List<KafkaBrokerProcess> nodes = new ArrayList<>();
    private final String bootstrapServers;

    public KafkaClusterProcess(Path dataDir, int size, String classpath) {
        if (size < 3) {
            throw new IllegalArgumentException("a cluster with min.insync.replicas 2 needs at least 3 nodes, not " + size);
        }
        List<Integer> ports = IntStream.range(0, size).mapToObj(i -> ProcessSupport.freePort()).toList();
        List<Integer> controllerPorts = IntStream.range(0, size).mapToObj(i -> ProcessSupport.freePort()).toList();
        String voters = IntStream.range(0, size)
                .mapToObj(i -> (i + 1) + "@" + KafkaBrokerProcess.HOST + ":" + controllerPorts.get(i))
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        for (int i = 0; i < size; i++) {
            int id = i + 1;
            KafkaBrokerProcess.ClusterNode node = new KafkaBrokerProcess.ClusterNode(id, voters, clusterId,
                    clusterSettings(), "384m");
            nodes.add(new KafkaBrokerProcess(dataDir.resolve("kafka-" + id),
                    dataDir.resolve("logs").resolve("kafka-" + id + ".log"), ports.get(i), controllerPorts.get(i),
                    classpath, node));
        }
        this.bootstrapServers = nodes.stream().map(KafkaBrokerProcess::bootstrapServers).collect(Collectors.joining(","));
    }

    /** What one node settings lack for a replicated cluster: every internal topic on 3 replicas, 2 in sync. */
    static Map<String, String> clusterSettings() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("offsets.topic.replication.factor", "3");
        p.put("transaction.state.log.replication.factor", "3");
        p.put("transaction.state.log.min.isr", "2");
        p.put("share.coordinator.state.topic.replication.factor", "3");
        p.put("share.coordinator.state.topic.min.isr", "2");
        p.put("default.replication.factor", "3");
        p.put("min.insync.replicas", "2");
        return p;
    }

    /** Every node, so a client finds the cluster whichever node is down. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public int size() {
        return nodes.size();
    }

    /** The node at {@code index} (from 0; its node id is {@code index + 1}). */
    public KafkaBrokerProcess node(int index) {
        return nodes.get(index);
    }

    /**
     * Starts every node; they only elect a controller once a majority runs, so start them all before waiting.
     * In parallel: formatting the storage alone is a JVM start of several seconds per node.
     */
    public void start() throws IOException, InterruptedException {
        ExecutorService starters = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> started = new ArrayList<>();
            for (KafkaBrokerProcess node : nodes) {
                started.add(starters.submit(() -> {
                    node.start();
                    return null;
                }));
            }
            for (Future<?> node : started) {
                try {
                    node.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            starters.shutdown();
        }
    }

    /** Starts a stopped or killed node again on its storage. */
    public void start(int index) throws IOException, InterruptedException {
        nodes.get(index).start();
    }

    /** SIGKILL of one node, as a crash. */
    public void kill(int index) {
        nodes.get(index).kill();
    }

    /** Waits until every node answers and the cluster counts all of them as live brokers. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (KafkaBrokerProcess node : nodes) {
            node.awaitReady(remaining(deadline));
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-cluster",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000))) {
            while (true) {
                try {
                    // A restarted node answers before the controller unfences it; only then does it lead again.
                    if (admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get().size() == nodes.size()) {
                        return;
                    }
                } catch (ExecutionException notYet) {
                    // retried below until the deadline
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka cluster not complete after " + timeout.toSeconds() + " s; see "
                            + nodes.get(0).logFile().getParent());
                }
                Thread.sleep(200);
            }
        }
    }

    /**
     * Stops all nodes together: a node stopped after the others lost the quorum waits for a controller
     * that never comes, so the SIGTERMs go out at once and the grace periods overlap.
     *
     * @return true if every node ended within {@code grace}
     */
    public boolean stopAll(Duration grace) {
        nodes.forEach(KafkaBrokerProcess::signalStop);
        boolean clean = true;
        for (KafkaBrokerProcess node : nodes) {
            clean &= node.awaitStop(grace);
        }
        return clean;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
