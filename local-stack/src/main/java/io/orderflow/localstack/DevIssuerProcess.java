package io.orderflow.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The dev issuer (module {@code dev-issuer}, an OAuth2 / OpenID Connect authorization server for laptops and
 * tests) run from its executable jar in a child JVM. The services validate their bearer tokens against it: they
 * find its keys by discovery from {@link #issuerUri()}, passed to them as {@link ServiceProcess#JWT_ISSUER_URI_ENV}.
 * Public for the end-to-end tests and the benchmark, which run it exactly as the local stack does.
 */
public final class DevIssuerProcess {

    public static final String MODULE = "dev-issuer";
    public static final int DEFAULT_PORT = 9000;
    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    private final int port;
    private final ChildJvm jvm;

    DevIssuerProcess(int port, Path jar, Path logFile) {
        this.port = port;
        this.jvm = new ChildJvm(jar, logFile);
    }

    /** The local stack's issuer: {@code --issuer-port}, this version's jar, {@code <data-dir>/logs/dev-issuer.log}. */
    static DevIssuerProcess plan(StackOptions options, Path projectRoot, String version) {
        Path jar = projectRoot.resolve(MODULE).resolve("target").resolve(MODULE + "-" + version + "-exec.jar");
        return new DevIssuerProcess(options.issuerPort(), jar, options.dataDir().resolve("logs").resolve(MODULE + ".log"));
    }

    /** An issuer for a test: the executable jar built under {@code projectRoot}, on {@code port}, logging to {@code logFile}. */
    public static DevIssuerProcess forTest(Path projectRoot, int port, Path logFile) {
        return new DevIssuerProcess(port, ChildJvm.execJar(projectRoot, MODULE), logFile);
    }

    /** True when {@code projectRoot} has the module at all: a checkout from before the OAuth2 work has none. */
    public static boolean isPartOf(Path projectRoot) {
        return Files.isRegularFile(projectRoot.resolve(MODULE).resolve("pom.xml"));
    }

    public void start() throws IOException {
        // Serial GC and a small heap like the services: it signs a token now and then and is otherwise idle.
        jvm.start(List.of("-Xmx128m", "-XX:+UseSerialGC"), environment());
    }

    Map<String, String> environment() {
        // Set explicitly so the tokens' iss claim is exactly the URI the services are told to trust.
        return Map.of("SERVER_PORT", Integer.toString(port), "ORDERFLOW_DEV_ISSUER_URI", issuerUri().toString());
    }

    /** The issuer identifier: the {@code iss} of its tokens, and where its discovery document is. */
    public URI issuerUri() {
        return URI.create("http://localhost:" + port);
    }

    /** True once the discovery document answers 200. */
    public boolean isReady() {
        return discoveryStatus() == 200;
    }

    /** What {@code GET <issuer>/.well-known/openid-configuration} answers now; -1 for no answer. */
    public int discoveryStatus() {
        return ChildJvm.httpStatus(discoveryUri());
    }

    public URI discoveryUri() {
        return URI.create(issuerUri() + DISCOVERY_PATH);
    }

    /** Why it is not ready, for a message: an up server answering something else is a different problem. */
    public String notReadyReason() {
        int status = discoveryStatus();
        return status < 0 ? "nothing answers at " + issuerUri() : discoveryUri() + " answers " + status;
    }

    /**
     * Waits until {@link #isReady()}; fails with the log's last lines when the process ends or {@code timeout}
     * passes first.
     */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady()) {
            if (!isAlive()) {
                throw new IllegalStateException("the dev issuer exited" + (jvm.process() == null ? " (never started)"
                        : " with code " + jvm.process().exitValue()) + "; last lines of " + logFile() + ":\n  "
                        + String.join("\n  ", logTail(30)));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the dev issuer is not ready after " + timeout.toSeconds() + " s ("
                        + notReadyReason() + "); last lines of " + logFile() + ":\n  " + String.join("\n  ", logTail(30)));
            }
            // Readiness is an HTTP poll; there is nothing to wait on instead.
            Thread.sleep(200);
        }
    }

    /** SIGTERM, then SIGKILL after {@code grace}; true if it ended by itself. */
    public boolean stop(Duration grace) {
        return jvm.stop(grace);
    }

    /** SIGTERM: pair with {@link #awaitStop}. */
    public void signalStop() {
        jvm.signalStop();
    }

    /** Waits for the process to end, killing it after {@code grace}; true if it ended by itself. */
    public boolean awaitStop(Duration grace) {
        return jvm.awaitStop(grace);
    }

    /** SIGKILL. */
    public void kill() {
        jvm.kill();
    }

    public List<String> logTail(int lines) {
        return jvm.logTail(lines);
    }

    public int port() {
        return port;
    }

    Path jar() {
        return jvm.jar();
    }

    public Path logFile() {
        return jvm.logFile();
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
