package io.orderflow.e2e;

import static io.orderflow.e2e.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.localstack.KafkaClusterProcess;
import io.orderflow.testsupport.http.HttpJson;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The five services on a 3-node KRaft cluster (child JVMs), every topic with replication factor 3 and
 * {@code min.insync.replicas} 2. One node is killed (SIGKILL) a quarter into a steady stream of orders from
 * several clients and
 * started again at 60 %: the flow goes on on the other two, and every accepted order ends SHIPPED or
 * REJECTED with the books balanced ({@link Invariants}).
 */
class ClusterFailoverIT {

    private static final int ORDERS = 80;
    private static final int KILL_AT = ORDERS / 4;
    private static final int RESTART_AT = ORDERS * 6 / 10;
    /** Node id 2: not the first node, which every client tries first from the bootstrap list. */
    private static final int VICTIM = 1;
    private static final int CLIENTS = 4;

    private static KafkaClusterProcess cluster;
    private static Suite suite;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("orderflow-cluster-");
        cluster = new KafkaClusterProcess(dir, 3, System.getProperty("java.class.path"));
        cluster.start();
        cluster.awaitReady(Duration.ofSeconds(90));
        suite = Suite.start(Suite.ALL, Map.of("KAFKA_REPLICATION_FACTOR", "3", "KAFKA_MIN_INSYNC_REPLICAS", "2"),
                cluster.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
        if (cluster != null) {
            cluster.stopAll(Duration.ofSeconds(30));
        }
    }

    @Test
    void oneBrokerKilledUnderLoadLosesNoOrder() throws Exception {
        Invariants books = new Invariants(suite);
        List<String> products = List.of(unique("p"), unique("p"), unique("p"));
        List<String> customers = List.of(unique("c"), unique("c"), unique("c"));
        products.forEach(p -> books.stock(p, 40));
        customers.forEach(c -> books.fund(c, "150.00"));

        // Several clients at once: the kill lands while orders are in flight at every stage of the flow.
        Map<Phase, Long> slowestMs = new ConcurrentHashMap<>();
        AtomicInteger refusals = new AtomicInteger();
        AtomicReference<Phase> phase = new AtomicReference<>(Phase.BEFORE_KILL);
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> streams = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            streams.add(clients.submit(() -> {
                for (int i = client; i < ORDERS; i += CLIENTS) {
                    String id = unique("o");
                    String body = Fixtures.orderJson(id, customers.get(i % 3), products.get(i % 3), 1 + i % 2, "3.00");
                    Phase postedIn = phase.get();
                    long asked = System.nanoTime();
                    // A client retries the same id until it is taken, which never makes a second order.
                    await().atMost(Duration.ofSeconds(120)).ignoreException(UncheckedIOException.class)
                            .until(() -> taken(suite.orders().post("/orders", body), refusals));
                    slowestMs.merge(postedIn, Duration.ofNanos(System.nanoTime() - asked).toMillis(), Math::max);
                    accepted.add(id);
                }
            }));
        }
        clients.shutdown();
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> accepted.size() >= KILL_AT);
            System.out.println("killing Kafka node " + (VICTIM + 1) + " (quorum leader: node " + quorumLeader()
                    + ") after " + accepted.size() + " orders");
            cluster.kill(VICTIM);
            phase.set(Phase.NODE_DOWN);
            await().atMost(Duration.ofSeconds(180)).until(() -> accepted.size() >= RESTART_AT);
            System.out.println("starting Kafka node " + (VICTIM + 1) + " again after " + accepted.size() + " orders");
            cluster.start(VICTIM);
            phase.set(Phase.AFTER_RESTART);
            for (Future<?> stream : streams) {
                stream.get(180, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        cluster.awaitReady(Duration.ofSeconds(90));

        System.out.printf("POST /orders until taken (%d clients), slowest begun: before the kill %d ms, while node %d"
                        + " was down %d ms, after its restart %d ms; %d refused attempts retried%n", CLIENTS,
                slowestMs.getOrDefault(Phase.BEFORE_KILL, 0L), VICTIM + 1, slowestMs.getOrDefault(Phase.NODE_DOWN, 0L),
                slowestMs.getOrDefault(Phase.AFTER_RESTART, 0L), refusals.get());
        assertThat(accepted).as("every order taken once").hasSize(ORDERS).doesNotHaveDuplicates();
        Map<String, JsonNode> settled = books.assertSettled(accepted, Duration.ofSeconds(120));
        assertThat(settled).as("every accepted order is there").hasSize(ORDERS);
        assertThat(settled.values()).extracting(o -> o.get("state").asString()).containsOnly("SHIPPED", "REJECTED");
        long shipped = settled.values().stream().filter(o -> o.get("state").asString().equals("SHIPPED")).count();
        System.out.println(shipped + " of " + ORDERS + " orders shipped, " + (ORDERS - shipped) + " rejected");
        assertThat(shipped).as("the flow went on, not everything rejected").isPositive();
    }

    private enum Phase { BEFORE_KILL, NODE_DOWN, AFTER_RESTART }

    private static boolean taken(HttpJson.Response answer, AtomicInteger refusals) {
        if (answer.status() == 201 || answer.status() == 200) {
            return true;
        }
        refusals.incrementAndGet();
        return false;
    }

    private static int quorumLeader() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            return admin.describeMetadataQuorum().quorumInfo().get().leaderId();
        }
    }
}
