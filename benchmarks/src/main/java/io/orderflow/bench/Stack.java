package io.orderflow.bench;

import io.orderflow.events.topics.Topics;
import io.orderflow.localstack.DevIssuerProcess;
import io.orderflow.localstack.KafkaAcls;
import io.orderflow.localstack.KafkaBrokerProcess;
import io.orderflow.localstack.OrderflowService;
import io.orderflow.localstack.ServiceProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole suite for one run, as the local stack runs it but on free ports and in a fresh directory: one
 * KRaft broker, the build's dev issuer (when it has one) and the five services (one or more instances each), each
 * in its own JVM. Closing it stops the services, then the issuer and the broker.
 *
 * <p>The broker is secured as the local stack's is (SASL/SCRAM-SHA-512, one principal per service, ACLs), so the
 * figures include what authentication and authorization cost. A build from before per-service principals (its
 * {@code Topics} has no access statement, and its services create every shared topic) runs on an open broker.
 *
 * <p>A build from before the OAuth2 work has no {@code dev-issuer} module: its stack runs no issuer, and its
 * services, which check no tokens, are told of none.
 */
final class Stack implements AutoCloseable {

    static final List<String> MODULES = OrderflowService.moduleNames();
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration ISSUER_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path dataDir;
    private final Path buildRoot;
    private final PrintStream out;
    private final KafkaBrokerProcess broker;
    /** Null for a build without one. */
    private final DevIssuerProcess issuer;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, List<ServiceProcess>> byModule = new LinkedHashMap<>();

    /**
     * @param buildRoot the checkout whose {@code <service>/target/<service>-*-exec.jar} the services run from, and
     *                  its {@code dev-issuer/target/dev-issuer-*-exec.jar} the issuer
     */
    Stack(Path dataDir, Path buildRoot, PrintStream out) {
        this.dataDir = dataDir;
        this.buildRoot = buildRoot;
        this.out = out;
        String classpath = System.getProperty("java.class.path");
        this.broker = hasKafkaPrincipals(buildRoot)
                ? KafkaBrokerProcess.secured(dataDir, freePort(), freePort(), classpath, MODULES)
                : new KafkaBrokerProcess(dataDir, freePort(), freePort(), classpath);
        this.issuer = DevIssuerProcess.isPartOf(buildRoot)
                ? DevIssuerProcess.forTest(buildRoot, freePort(), dataDir.resolve("logs").resolve(DevIssuerProcess.MODULE + ".log"))
                : null;
    }

    KafkaBrokerProcess broker() {
        return broker;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** How the benchmark's own clients (tracker, traffic counts, perf tools) connect: as the admin. */
    Map<String, Object> adminClientProperties() {
        return broker.adminClientProperties();
    }

    private static boolean hasKafkaPrincipals(Path buildRoot) {
        return Files.exists(buildRoot.resolve("common-events/src/main/java/io/orderflow/events/topics/TopicAccess.java"));
    }

    /** Starts the build's dev issuer, if it has one, without waiting for it (see {@link #awaitIssuer}). */
    void startIssuer() throws IOException {
        if (issuer != null) {
            issuer.start();
        }
    }

    /** Waits for the issuer started by {@link #startIssuer}; its URI, empty for a build without one. */
    Optional<URI> awaitIssuer() throws InterruptedException {
        if (issuer == null) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        issuer.awaitReady(ISSUER_TIMEOUT);
        out.printf("Dev issuer up on %s (pid %d); waited %.1f s for it after Kafka%n", issuer.issuerUri(), issuer.pid(),
                (System.nanoTime() - started) / 1e9);
        return Optional.of(issuer.issuerUri());
    }

    void startBroker() throws IOException, InterruptedException {
        long started = System.nanoTime();
        broker.start();
        broker.awaitReady(BROKER_TIMEOUT);
        List<String> topics = OrderflowService.topicNames();
        broker.createTopics(topics, Topics.PARTITIONS);
        if (broker.isSecured()) {
            broker.createAcls(KafkaAcls.forServices(MODULES));
        }
        out.printf("Kafka up on %s (pid %d) in %.1f s; %d topics of %d partitions%n", broker.bootstrapServers(),
                broker.pid(), (System.nanoTime() - started) / 1e9, topics.size(), Topics.PARTITIONS);
    }

    /**
     * Starts the services together, {@code instances} of each (instance n of a service is named
     * {@code <service>-n} from the second on, with its own state directory and log), trusting the issuer's tokens
     * when there is one, and waits until every one is ready.
     */
    void startServices(Map<String, String> extraEnv, Map<String, Integer> instances)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Map<String, String> env = new HashMap<>(extraEnv);
        if (issuer != null) {
            env.put(ServiceProcess.JWT_ISSUER_URI_ENV, issuer.issuerUri().toString());
        }
        for (String module : MODULES) {
            for (int n = 1; n <= instances.getOrDefault(module, 1); n++) {
                String name = n == 1 ? module : module + "-" + n;
                ServiceProcess service = ServiceProcess.forTest(module, name, freePort(), buildRoot,
                        dataDir.resolve(name), dataDir.resolve("logs").resolve(name + ".log"), env);
                services.put(name, service);
                byModule.computeIfAbsent(module, m -> new ArrayList<>()).add(service);
                service.start(broker.bootstrapServers(), broker.isSecured()
                        ? broker.credentials().serviceEnvironment(module) : Map.of());
            }
        }
        long deadline = started + READY_TIMEOUT.toNanos();
        List<ServiceProcess> pending = new ArrayList<>(services.values());
        while (!pending.isEmpty()) {
            for (ServiceProcess service : List.copyOf(pending)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.name() + " exited while starting; last lines of "
                            + service.logFile() + ":\n  " + String.join("\n  ", service.logTail(30)));
                }
                if (service.isReady()) {
                    pending.remove(service);
                    out.printf("  %-20s ready on :%d (pid %d) after %.1f s%n", service.name(), service.port(),
                            service.pid(), (System.nanoTime() - started) / 1e9);
                }
            }
            if (!pending.isEmpty() && System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + READY_TIMEOUT.toSeconds() + " s: "
                        + pending.stream().map(ServiceProcess::name).toList() + "; logs in " + dataDir.resolve("logs"));
            }
            if (!pending.isEmpty()) {
                // Readiness is a poll of each service's HTTP probe; nothing to wait on instead.
                Thread.sleep(500);
            }
        }
    }

    /** The first instance of a service. */
    ServiceProcess service(String module) {
        ServiceProcess service = services.get(module);
        if (service == null) {
            throw new IllegalStateException(module + " is not running");
        }
        return service;
    }

    /** Every instance of a service, the first one first. */
    List<ServiceProcess> instances(String module) {
        return List.copyOf(byModule.getOrDefault(module, List.of()));
    }

    /**
     * Every process of the suite, broker first, for CPU and memory sampling. Not the dev issuer: it stands in for
     * an identity provider outside the suite, is idle while the orders flow (the tokens are fetched before), and the
     * build compared with may have none; what it does use shows in the run's CPU of other processes.
     */
    List<ProcessSampler.Watched> processes() {
        List<ProcessSampler.Watched> processes = new ArrayList<>();
        processes.add(new ProcessSampler.Watched("kafka", broker.pid()));
        services.values().forEach(s -> processes.add(new ProcessSampler.Watched(s.name(), s.pid())));
        return processes;
    }

    /** Names of the services that died (a crash during the run fails the run). */
    List<String> dead() {
        List<String> dead = new ArrayList<>();
        if (!broker.isAlive()) {
            dead.add("kafka");
        }
        if (issuer != null && !issuer.isAlive()) {
            dead.add(DevIssuerProcess.MODULE);
        }
        services.values().stream().filter(s -> !s.isAlive()).forEach(s -> dead.add(s.name()));
        return dead;
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::signalStop);
        services.values().forEach(s -> s.awaitStop(STOP_GRACE));
        if (issuer != null) {
            issuer.stop(STOP_GRACE);
        }
        broker.stop(STOP_GRACE);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
