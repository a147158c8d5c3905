package io.orderflow.e2e;

import static org.awaitility.Awaitility.await;

import io.orderflow.localstack.OrderflowService;
import io.orderflow.localstack.ProjectDirs;
import io.orderflow.localstack.ServiceProcess;
import io.orderflow.localstack.auth.DevTokens;
import io.orderflow.testsupport.http.FreePorts;
import io.orderflow.testsupport.http.HttpJson;
import io.orderflow.testsupport.kafka.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Some or all of the five services, each started from its executable jar as its own JVM (as in production),
 * on the test broker, with fresh state directories and free ports, trusting the tokens of the JVM's dev issuer
 * ({@link DevIssuer}). Its HTTP clients send an admin token with every request. Closing it stops the services.
 */
final class Suite implements AutoCloseable {

    static final List<String> ALL = OrderflowService.moduleNames();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final String bootstrapServers;
    /** Each module's Kafka credentials ({@code ORDERFLOW_KAFKA_CLIENT_*}); none on the open test brokers. */
    private final Function<String, Map<String, String>> kafkaEnv;
    private final DevTokens tokens;
    /** Instances by name: the first instance of a module is named after it, the n-th {@code module-n}. */
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private Suite(String bootstrapServers, Function<String, Map<String, String>> kafkaEnv, DevTokens tokens) {
        this.bootstrapServers = bootstrapServers;
        this.kafkaEnv = kafkaEnv;
        this.tokens = tokens;
    }

    /**
     * Starts the named services (module names; a module named twice runs two instances) with {@code env}
     * added to each one's environment, and waits until all are ready.
     */
    static Suite start(List<String> modules, Map<String, String> env) {
        return start(modules, env, TestKafka.bootstrapServers());
    }

    /** As {@link #start(List, Map)}, on the broker at {@code bootstrapServers} (a broker the test stops and starts). */
    static Suite start(List<String> modules, Map<String, String> env, String bootstrapServers) {
        try {
            return start(modules, env, bootstrapServers, ProjectDirs.projectRoot(), Files.createTempDirectory("orderflow-e2e-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As {@link #start(List, Map, String)}, from the executable jars built under {@code projectRoot} (another
     * build of the suite, e.g. an older release), with each instance's state under {@code dataDir/<name>}: a
     * later start on the same {@code dataDir} finds the state the earlier one left. The dev issuer is this build's
     * whatever {@code projectRoot} is.
     */
    static Suite start(List<String> modules, Map<String, String> env, String bootstrapServers, Path projectRoot,
            Path dataDir) {
        return start(modules, env, bootstrapServers, module -> Map.of(), projectRoot, dataDir);
    }

    /** As {@link #start(List, Map)}, on a secured broker: each module connects with {@code kafkaEnv.apply(module)}. */
    static Suite start(List<String> modules, String bootstrapServers, Function<String, Map<String, String>> kafkaEnv) {
        try {
            return start(modules, Map.of(), bootstrapServers, kafkaEnv, ProjectDirs.projectRoot(),
                    Files.createTempDirectory("orderflow-e2e-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Suite start(List<String> modules, Map<String, String> env, String bootstrapServers,
            Function<String, Map<String, String>> kafkaEnv, Path projectRoot, Path dataDir) {
        Map<String, String> withIssuer = new HashMap<>(env);
        withIssuer.put(ServiceProcess.JWT_ISSUER_URI_ENV, DevIssuer.uri().toString());
        Suite suite = new Suite(bootstrapServers, kafkaEnv, DevIssuer.tokens());
        try {
            for (String module : modules) {
                long running = suite.services.values().stream().filter(s -> s.name().startsWith(module)).count();
                String name = running == 0 ? module : module + "-" + (running + 1);
                ServiceProcess service = ServiceProcess.forTest(module, name, FreePorts.next(), projectRoot,
                        dataDir.resolve(name), dataDir.resolve("logs").resolve(name + ".log"), withIssuer);
                suite.services.put(name, service);
                service.start(suite.bootstrapServers, kafkaEnv.apply(module));
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

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** An instance by name: {@code stock-service} is the first instance, {@code stock-service-2} the second. */
    ServiceProcess service(String instance) {
        ServiceProcess service = services.get(instance);
        if (service == null) {
            throw new IllegalStateException(instance + " is not part of this suite");
        }
        return service;
    }

    /** A client of an instance sending an admin token (fetched again before it expires) with every request. */
    HttpJson http(String instance) {
        return HttpJson.localhost(service(instance).port()).as(tokens::admin);
    }

    /** The dev issuer's tokens, for a test acting as a customer ({@code http(...).as(tokens().customer(id))}). */
    DevTokens tokens() {
        return tokens;
    }

    /** Kills an instance hard (SIGKILL): no commit, no clean close, as a crash. */
    void kill(String instance) {
        service(instance).kill();
    }

    /** Starts a stopped or killed instance again on its port and state directory. */
    void restart(String instance) {
        try {
            ServiceProcess service = service(instance);
            service.start(bootstrapServers, kafkaEnv.apply(service.module()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void awaitReady(String instance) {
        await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(service(instance)::isReady);
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
