package io.orderflow.e2e;

import static org.awaitility.Awaitility.await;

import io.orderflow.localstack.ServiceProcess;
import io.orderflow.testsupport.http.FreePorts;
import io.orderflow.testsupport.http.HttpJson;
import io.orderflow.testsupport.kafka.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Some or all of the five services, each started from its executable jar as its own JVM (as in production),
 * on the test broker, with fresh state directories and free ports. Closing it stops them.
 */
final class Suite implements AutoCloseable {

    static final List<String> ALL = List.of("orders-service", "basket-service", "payment-service", "stock-service",
            "fulfillment-service");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final String bootstrapServers;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private Suite(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts the named services (module names) with {@code env} added to each one's environment; waits until all are ready. */
    static Suite start(List<String> modules, Map<String, String> env) {
        Suite suite = new Suite(TestKafka.bootstrapServers());
        try {
            Path dataDir = Files.createTempDirectory("orderflow-e2e-");
            Path projectRoot = projectRoot();
            for (String module : modules) {
                ServiceProcess service = ServiceProcess.forTest(module, FreePorts.next(), projectRoot,
                        dataDir.resolve(module), dataDir.resolve("logs").resolve(module + ".log"), env);
                suite.services.put(module, service);
                service.start(suite.bootstrapServers);
            }
            suite.awaitReady();
            return suite;
        } catch (IOException e) {
            suite.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void awaitReady() {
        try {
            await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> services.values().stream().allMatch(ServiceProcess::isReady));
        } catch (ConditionTimeoutException e) {
            StringBuilder report = new StringBuilder("services not ready in time:");
            services.values().stream().filter(s -> !s.isReady()).forEach(s -> report.append("\n  ").append(s.name())
                    .append(" (alive: ").append(s.isAlive()).append(") log ").append(s.logFile()).append(":\n    ")
                    .append(String.join("\n    ", s.logTail(30))));
            throw new IllegalStateException(report.toString(), e);
        }
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the project root (the folder with mvnw)");
        }
        return dir;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    ServiceProcess service(String module) {
        ServiceProcess service = services.get(module);
        if (service == null) {
            throw new IllegalStateException(module + " is not part of this suite");
        }
        return service;
    }

    HttpJson http(String module) {
        return HttpJson.localhost(service(module).port());
    }

    HttpJson orders() {
        return http("orders-service");
    }

    HttpJson basket() {
        return http("basket-service");
    }

    HttpJson payment() {
        return http("payment-service");
    }

    HttpJson stock() {
        return http("stock-service");
    }

    HttpJson fulfillment() {
        return http("fulfillment-service");
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::signalStop);
        services.values().forEach(s -> s.awaitStop(Duration.ofSeconds(30)));
    }
}
