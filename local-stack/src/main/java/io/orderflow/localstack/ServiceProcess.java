package io.orderflow.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * One instance of a service, run from its executable jar in a child JVM. Public for the end-to-end tests,
 * which run the services exactly as the local stack does and also kill them hard.
 */
public final class ServiceProcess {

    static final String ADVERTISED_HOST = "127.0.0.1";
    /** The OAuth2 issuer whose bearer tokens a service accepts (its keys found by OpenID Connect discovery). */
    public static final String JWT_ISSUER_URI_ENV = "ORDERFLOW_JWT_ISSUER_URI";

    private final String name;
    private final OrderflowService service;
    private final int port;
    private final ChildJvm jvm;
    private final Path stateDir;
    private final Map<String, String> extraEnv;

    private ServiceProcess(String name, OrderflowService service, int port, Path jar, Path stateDir, Path logFile,
            Map<String, String> extraEnv) {
        this.name = name;
        this.service = service;
        this.port = port;
        this.jvm = new ChildJvm(jar, logFile);
        this.stateDir = stateDir;
        this.extraEnv = Map.copyOf(extraEnv);
    }

    /**
     * An instance named {@code name} for a test: the module's executable jar under {@code projectRoot}, on {@code port}, with its
     * own state directory and log file, and {@code extraEnv} (e.g. {@code PAYMENT_FRAUD_HOURLY_LIMIT}) added.
     */
    public static ServiceProcess forTest(String module, String name, int port, Path projectRoot, Path stateDir,
            Path logFile, Map<String, String> extraEnv) {
        OrderflowService service = OrderflowService.byModuleName(module)
                .orElseThrow(() -> new IllegalArgumentException("no service " + module));
        return new ServiceProcess(name, service, port, ChildJvm.execJar(projectRoot, module), stateDir, logFile,
                extraEnv);
    }

    /**
     * The instances to start. The first instance of each service keeps its well-known port and
     * {@code <data-dir>/<service>}; instance n gets a free port and {@code <data-dir>/<service>-n}, so it
     * keeps its own state stores across restarts. Every instance trusts the tokens of {@code issuer}.
     */
    static List<ServiceProcess> plan(StackOptions options, Path projectRoot, String version, IntSupplier freePort,
            URI issuer) {
        Map<String, String> env = Map.of(JWT_ISSUER_URI_ENV, issuer.toString());
        List<ServiceProcess> plan = new ArrayList<>();
        for (OrderflowService service : options.services()) {
            String module = service.moduleName();
            Path jar = projectRoot.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
            for (int n = 1; n <= options.instancesOf(service); n++) {
                String name = n == 1 ? module : module + "-" + n;
                int port = n == 1 ? service.defaultPort() : freePort.getAsInt();
                plan.add(new ServiceProcess(name, service, port, jar, options.dataDir().resolve(name),
                        options.dataDir().resolve("logs").resolve(name + ".log"), env));
            }
        }
        return plan;
    }

    public void start(String bootstrapServers) throws IOException {
        start(bootstrapServers, Map.of());
    }

    /** @param kafkaEnv how its Kafka clients authenticate ({@code ORDERFLOW_KAFKA_CLIENT_*}), empty on an open broker */
    public void start(String bootstrapServers, Map<String, String> kafkaEnv) throws IOException {
        Files.createDirectories(stateDir);
        // Serial GC: five services and a broker share a few cores, and G1's concurrent threads cost more CPU
        // per order than the short pauses of a small heap (docs/benchmarks.md: -18% CPU per order, +21% orders/s).
        jvm.start(List.of("-Xmx384m", "-XX:+UseSerialGC"), environment(bootstrapServers, kafkaEnv));
    }

    Map<String, String> environment(String bootstrapServers) {
        return environment(bootstrapServers, Map.of());
    }

    Map<String, String> environment(String bootstrapServers, Map<String, String> kafkaEnv) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.putAll(kafkaEnv);
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("ORDERFLOW_DATA_DIR", stateDir.toString());
        env.put("ORDERFLOW_ADVERTISED_HOST", ADVERTISED_HOST);
        return env;
    }

    /** SIGTERM: a clean shutdown (Streams commits and closes). Pair with {@link #awaitStop}. */
    public void signalStop() {
        jvm.signalStop();
    }

    /** Waits for the process to end, killing it after {@code grace}; true if it ended by itself. */
    public boolean awaitStop(Duration grace) {
        return jvm.awaitStop(grace);
    }

    /** SIGKILL, as a crash: no shutdown hooks, no commit, no clean Streams close. */
    public void kill() {
        jvm.kill();
    }

    public List<String> logTail(int lines) {
        return jvm.logTail(lines);
    }

    /** True once the service answers 200 on its readiness probe (503, or no answer, before). */
    public boolean isReady() {
        return ChildJvm.httpStatus(URI.create("http://" + ADVERTISED_HOST + ":" + port + "/actuator/health/readiness"))
                == 200;
    }

    /** The module (= application id and Kafka principal) this is an instance of. */
    public String module() {
        return service.moduleName();
    }

    public String name() {
        return name;
    }

    OrderflowService service() {
        return service;
    }

    public int port() {
        return port;
    }

    Path jar() {
        return jvm.jar();
    }

    public Path stateDir() {
        return stateDir;
    }

    public Path logFile() {
        return jvm.logFile();
    }

    public String url() {
        return "http://localhost:" + port;
    }

    Process process() {
        return jvm.process();
    }

    public long pid() {
        return jvm.pid();
    }

    public boolean isAlive() {
        return jvm.isAlive();
    }
}
