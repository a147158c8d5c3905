package io.orderflow.localstack;

import io.orderflow.events.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.acl.AclBinding;

/**
 * Starts a one-node Kafka, the dev issuer (the services' OAuth2 authorization server) and the orderflow services
 * as child JVMs, and stops them all on Ctrl-C.
 * Usage: see {@link StackOptions#USAGE}; normally started through run-local.sh.
 */
public final class LocalStack {

    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ISSUER_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final int TAIL_LINES = 40;

    private final StackOptions options;
    private final Path projectRoot;
    private final KafkaBrokerProcess broker;
    /** Null with --no-services: nothing to authenticate to. */
    private final DevIssuerProcess issuer;
    private final List<ServiceProcess> services;
    private final Object lifecycle = new Object();
    private boolean stopping;
    private long issuerStartedNanos;
    // Until everything is up, a dying child fails the start; after that it is only reported.
    private volatile boolean monitoring;

    LocalStack(StackOptions options, Path projectRoot, String version) {
        this.options = options;
        this.projectRoot = projectRoot;
        String classpath = System.getProperty("java.class.path");
        this.broker = options.secureKafka()
                ? KafkaBrokerProcess.secured(options.dataDir(), options.kafkaPort(), options.controllerPort(), classpath,
                        OrderflowService.moduleNames())
                : new KafkaBrokerProcess(options.dataDir(), options.kafkaPort(), options.controllerPort(), classpath);
        this.issuer = options.startServices() ? DevIssuerProcess.plan(options, projectRoot, version) : null;
        this.services = issuer == null ? List.of()
                : ServiceProcess.plan(options, projectRoot, version, ProcessSupport::freePort, issuer.issuerUri());
    }

    public static void main(String[] args) {
        Path projectRoot;
        StackOptions options;
        try {
            projectRoot = ProjectDirs.projectRoot();
        } catch (IllegalStateException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(1);
            return;
        }
        try {
            options = StackOptions.parse(List.of(args), projectRoot);
        } catch (IllegalArgumentException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.err.print(StackOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(StackOptions.USAGE);
            return;
        }
        try {
            new LocalStack(options, projectRoot, version()).run();
        } catch (IllegalStateException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    void run() throws IOException, InterruptedException {
        checkJarsExist();
        if (options.clean()) {
            wipe(options.dataDir());
        }
        checkPortsFree();
        Files.createDirectories(options.dataDir().resolve("logs"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "local-stack-shutdown"));

        // The issuer starts while Kafka does; both are needed before the services.
        startIssuer();
        startBroker();
        awaitIssuerReady();
        if (services.isEmpty()) {
            printTable();
            System.out.println("\nKafka is up at " + broker.bootstrapServers() + " (no services). Ctrl-C stops it.");
        } else {
            for (ServiceProcess service : services) {
                synchronized (lifecycle) {
                    if (stopping) {
                        return;
                    }
                    service.start(broker.bootstrapServers(), kafkaEnvironment(service.service()));
                }
                watch(service.name(), service.process(), service.logFile());
            }
            printTable();
            awaitServicesReady();
        }
        monitoring = true;
        new CountDownLatch(1).await();
    }

    private void startBroker() throws IOException, InterruptedException {
        long started = System.nanoTime();
        boolean formatted = broker.formatStorageIfNeeded();
        System.out.println(formatted
                ? "Formatted new Kafka storage in " + relative(options.dataDir().resolve("kafka")) + " (cluster id " + broker.clusterId() + ")"
                : "Reusing Kafka storage in " + relative(options.dataDir().resolve("kafka")) + " (cluster id " + broker.clusterId() + ")");
        synchronized (lifecycle) {
            if (stopping) {
                return;
            }
            broker.start();
        }
        watch("kafka", broker.process(), broker.logFile());
        System.out.println("Starting Kafka on " + broker.bootstrapServers() + " (pid " + broker.pid() + ", log "
                + relative(broker.logFile()) + ")...");
        broker.awaitReady(BROKER_TIMEOUT);
        System.out.printf("Kafka ready in %.1f s%n", seconds(System.nanoTime() - started));

        List<String> topics = OrderflowService.topicNames();
        List<String> created = broker.createTopics(topics, Topics.PARTITIONS);
        System.out.printf("Topics: %d created, %d already there (%d partitions each)%n",
                created.size(), topics.size() - created.size(), Topics.PARTITIONS);
        if (broker.isSecured()) {
            List<String> newUsers = broker.createMissingUsers();
            if (!newUsers.isEmpty()) {
                System.out.println("Kafka users added to the existing storage: " + newUsers);
            }
            List<AclBinding> acls = KafkaAcls.forServices(OrderflowService.moduleNames());
            broker.createAcls(acls);
            List<Path> files = KafkaClientFiles.write(broker, options.dataDir().resolve("kafka"));
            System.out.printf("Kafka: SASL/SCRAM-SHA-512, %d ACLs for %d service principals; admin client config and"
                    + " service env in %s%n", acls.size(), OrderflowService.values().length,
                    relative(files.get(0).getParent()));
        } else {
            // A secured run's files would send its credentials (and SASL) to an open broker: tools would fail.
            KafkaClientFiles.delete(options.dataDir().resolve("kafka"));
            System.out.println("Kafka: open (--insecure-kafka): PLAINTEXT, no users, no ACLs");
        }
    }

    /** The credentials of the service's own principal, as the environment its Kafka clients read. */
    private Map<String, String> kafkaEnvironment(OrderflowService service) {
        return broker.isSecured() ? broker.credentials().serviceEnvironment(service.moduleName()) : Map.of();
    }

    private void startIssuer() throws IOException {
        if (issuer == null) {
            return;
        }
        synchronized (lifecycle) {
            if (stopping) {
                return;
            }
            issuer.start();
        }
        issuerStartedNanos = System.nanoTime();
        watch(DevIssuerProcess.MODULE, issuer.process(), issuer.logFile());
        System.out.println("Starting the dev issuer on " + issuer.issuerUri() + " (pid " + issuer.pid() + ", log "
                + relative(issuer.logFile()) + ")...");
    }

    private void awaitIssuerReady() throws InterruptedException {
        if (issuer == null || isStopping()) {
            return;
        }
        long started = issuerStartedNanos;
        long deadline = started + ISSUER_TIMEOUT.toNanos();
        long nextProgress = started + PROGRESS_EVERY.toNanos();
        while (!issuer.isReady()) {
            if (!issuer.isAlive()) {
                if (isStopping()) {
                    return;
                }
                ProcessSupport.printTail(issuer.logFile(), TAIL_LINES);
                throw new IllegalStateException("the dev issuer exited with code " + issuer.process().exitValue()
                        + " while starting; see " + relative(issuer.logFile()));
            }
            long now = System.nanoTime();
            if (now > deadline) {
                ProcessSupport.printTail(issuer.logFile(), TAIL_LINES);
                throw new IllegalStateException("the dev issuer is not ready after " + ISSUER_TIMEOUT.toSeconds()
                        + " s (" + issuer.notReadyReason() + "); see " + relative(issuer.logFile()));
            }
            if (now > nextProgress) {
                System.out.printf("  still waiting for the dev issuer (%.0f s)%n", seconds(now - started));
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
            Thread.sleep(200);
        }
        System.out.printf("Dev issuer ready in %.1f s%n", seconds(System.nanoTime() - started));
    }

    private boolean isStopping() {
        synchronized (lifecycle) {
            return stopping;
        }
    }

    private void awaitServicesReady() throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + READY_TIMEOUT.toNanos();
        long nextProgress = started + PROGRESS_EVERY.toNanos();
        Set<ServiceProcess> pending = new LinkedHashSet<>(services);
        System.out.println("\nWaiting for " + pending.size() + " service(s) to be ready (up to " + READY_TIMEOUT.toSeconds() + " s)...");
        while (!pending.isEmpty()) {
            if (!broker.isAlive()) {
                ProcessSupport.printTail(broker.logFile(), TAIL_LINES);
                throw new IllegalStateException("Kafka exited while the services were starting; see " + relative(broker.logFile()));
            }
            if (!issuer.isAlive()) {
                ProcessSupport.printTail(issuer.logFile(), TAIL_LINES);
                throw new IllegalStateException("the dev issuer exited while the services were starting; see "
                        + relative(issuer.logFile()));
            }
            for (ServiceProcess service : List.copyOf(pending)) {
                if (!service.isAlive()) {
                    ProcessSupport.printTail(service.logFile(), TAIL_LINES);
                    throw new IllegalStateException(service.name() + " exited with code " + service.process().exitValue()
                            + " while starting; see " + relative(service.logFile()));
                }
                if (service.isReady()) {
                    pending.remove(service);
                    System.out.printf("  %-22s ready after %.1f s%n", service.name(), seconds(System.nanoTime() - started));
                }
            }
            long now = System.nanoTime();
            if (pending.isEmpty()) {
                break;
            }
            if (now > deadline) {
                pending.forEach(s -> ProcessSupport.printTail(s.logFile(), TAIL_LINES));
                throw new IllegalStateException("Not ready after " + READY_TIMEOUT.toSeconds() + " s: "
                        + pending.stream().map(ServiceProcess::name).toList());
            }
            if (now > nextProgress) {
                System.out.printf("  still waiting for %s (%.0f s)%n",
                        pending.stream().map(ServiceProcess::name).toList(), seconds(now - started));
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
            Thread.sleep(500);
        }
        System.out.printf("%nAll %d service(s) ready in %.1f s. Ctrl-C stops everything; data stays in %s.%n",
                services.size(), seconds(System.nanoTime() - started), relative(options.dataDir()));
        // Every endpoint but the health probes wants a bearer token: say where one comes from.
        System.out.printf("Admin token: curl -s -u orderflow-admin:orderflow-admin-secret -d grant_type=client_credentials"
                + " %s/oauth2/token%n", issuer.issuerUri());
    }

    /** Reports a child that dies on its own; the rest of the stack keeps running. */
    private void watch(String name, Process process, Path logFile) {
        long pid = process.pid();
        process.onExit().thenRun(() -> {
            synchronized (lifecycle) {
                if (stopping || !monitoring) {
                    return;
                }
            }
            System.err.printf("%n!! %s (pid %d) exited unexpectedly with code %d; log: %s%n",
                    name, pid, process.exitValue(), relative(logFile));
            boolean anyAlive = broker.isAlive() || (issuer != null && issuer.isAlive())
                    || services.stream().anyMatch(ServiceProcess::isAlive);
            System.err.println(anyAlive ? "!! The others keep running; Ctrl-C stops them."
                    : "!! Nothing is left running.");
        });
    }

    /** Shutdown hook: services first, so they can still commit to Kafka, then the issuer and the broker. */
    private void stopAll() {
        synchronized (lifecycle) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        List<ServiceProcess> running = services.stream().filter(ServiceProcess::isAlive).toList();
        if (!running.isEmpty()) {
            System.out.println("\nStopping " + running.size() + " service(s)...");
            long started = System.nanoTime();
            // SIGTERM to all first, so their graceful shutdowns overlap.
            running.forEach(s -> s.process().destroy());
            for (ServiceProcess service : running) {
                Duration left = STOP_GRACE.minusNanos(System.nanoTime() - started);
                boolean graceful = ProcessSupport.awaitOrKill(service.process(), left.isNegative() ? Duration.ZERO : left);
                System.out.printf("  %s %s (pid %d)%n", graceful ? "stopped" : "killed after " + STOP_GRACE.toSeconds() + " s:",
                        service.name(), service.pid());
            }
            System.out.printf("  services stopped in %.1f s%n", seconds(System.nanoTime() - started));
        }
        if (issuer != null && issuer.isAlive()) {
            System.out.println("Stopping the dev issuer (pid " + issuer.pid() + ")...");
            long started = System.nanoTime();
            boolean graceful = issuer.stop(STOP_GRACE);
            System.out.printf("  %s dev issuer in %.1f s%n", graceful ? "stopped" : "killed", seconds(System.nanoTime() - started));
        }
        if (broker.isAlive()) {
            System.out.println("Stopping Kafka (pid " + broker.pid() + ")...");
            long started = System.nanoTime();
            boolean graceful = broker.stop(STOP_GRACE);
            System.out.printf("  %s kafka in %.1f s%n", graceful ? "stopped" : "killed", seconds(System.nanoTime() - started));
        }
        System.out.println("Everything stopped. Data kept in " + relative(options.dataDir()) + " (--clean starts afresh).");
    }

    private void checkJarsExist() {
        List<Path> jars = new ArrayList<>();
        if (issuer != null) {
            jars.add(issuer.jar());
        }
        services.stream().map(ServiceProcess::jar).distinct().forEach(jars::add);
        List<String> missing = jars.stream().filter(jar -> !Files.isRegularFile(jar)).map(this::relative).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Jar(s) not built:\n  " + String.join("\n  ", missing)
                    + "\nBuild them first: ./run-local.sh --build (or ./mvnw -B -DskipTests install).");
        }
    }

    private void checkPortsFree() {
        List<String> busy = new ArrayList<>();
        if (ProcessSupport.portInUse(options.kafkaPort())) {
            busy.add(options.kafkaPort() + " (kafka)");
        }
        if (ProcessSupport.portInUse(options.controllerPort())) {
            busy.add(options.controllerPort() + " (kafka controller)");
        }
        if (issuer != null && ProcessSupport.portInUse(issuer.port())) {
            busy.add(issuer.port() + " (dev issuer)");
        }
        services.stream().filter(s -> ProcessSupport.portInUse(s.port()))
                .forEach(s -> busy.add(s.port() + " (" + s.name() + ")"));
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Port(s) already in use: " + String.join(", ", busy)
                    + ". Is another local stack running? (--kafka-port moves Kafka, --issuer-port the dev issuer.)");
        }
    }

    private void wipe(Path dir) throws IOException {
        ProjectDirs.wipe(dir);
        System.out.println("Wiped " + relative(dir));
    }

    private void printTable() {
        String format = "%-22s %-24s %-8s %s%n";
        System.out.println();
        System.out.printf(format, "NAME", "URL", "PID", "LOG");
        System.out.printf(format, "kafka", broker.bootstrapServers(), broker.pid(), relative(broker.logFile()));
        if (issuer != null) {
            System.out.printf(format, DevIssuerProcess.MODULE, issuer.issuerUri(), issuer.pid(), relative(issuer.logFile()));
        }
        for (ServiceProcess s : services) {
            System.out.printf(format, s.name(), s.url(), s.pid(), relative(s.logFile()));
        }
    }

    private String relative(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String version() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LocalStack.class.getResourceAsStream("/local-stack.properties")) {
            if (in == null) {
                throw new IllegalStateException("local-stack.properties missing from the class path; rebuild local-stack");
            }
            properties.load(in);
        }
        return properties.getProperty("orderflow.version");
    }
}
