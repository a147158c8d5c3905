package io.orderflow.service.streams;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Can this instance reach the Kafka cluster? Asks for the cluster's brokers with a short timeout on every
 * health check: UP with the cluster id and the number of brokers, DOWN with the error otherwise.
 *
 * <p>Shown in {@code /actuator/health} but in neither probe group, on purpose: while the brokers are
 * unreachable a restart cannot help (so not liveness), and taking every instance of every service out of the
 * load balancer at once would turn a clear {@code 503} problem answer into connection errors (so not
 * readiness). Alert on it instead.
 */
public final class KafkaConnectivityHealth implements HealthIndicator, AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Admin admin;

    /** @param adminConfig the client settings of the service's other Kafka clients (bootstrap servers, security) */
    public KafkaConnectivityHealth(Map<String, Object> adminConfig) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "orderflow-health");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(config);
    }

    @Override
    public Health health() {
        try {
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
            Collection<Node> brokers = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            String clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Health.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers.size()).build();
        } catch (ExecutionException e) {
            return down(e.getCause() != null ? e.getCause() : e);
        } catch (TimeoutException e) {
            return down(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().withDetail("error", "interrupted").build();
        }
    }

    private static Health down(Throwable cause) {
        return Health.down().withDetail("error", cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()))
                .withDetail("timeoutMs", TIMEOUT.toMillis()).build();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
