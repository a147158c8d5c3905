package io.orderflow.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/** One instance of a service, run from its executable jar in a child JVM. */
final class ServiceProcess {

    static final String ADVERTISED_HOST = "127.0.0.1";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final OrderflowService service;
    private final int port;
    private final Path jar;
    private final Path stateDir;
    private final Path logFile;
    private Process process;

    ServiceProcess(String name, OrderflowService service, int port, Path jar, Path stateDir, Path logFile) {
        this.name = name;
        this.service = service;
        this.port = port;
        this.jar = jar;
        this.stateDir = stateDir;
        this.logFile = logFile;
    }

    /**
     * The instances to start. The first instance of each service keeps its well-known port and
     * {@code <data-dir>/<service>}; instance n gets a free port and {@code <data-dir>/<service>-n}, so it
     * keeps its own state stores across restarts.
     */
    static List<ServiceProcess> plan(StackOptions options, Path projectRoot, String version, IntSupplier freePort) {
        List<ServiceProcess> plan = new ArrayList<>();
        for (OrderflowService service : options.services()) {
            String module = service.moduleName();
            Path jar = projectRoot.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
            for (int n = 1; n <= options.instancesOf(service); n++) {
                String name = n == 1 ? module : module + "-" + n;
                int port = n == 1 ? service.defaultPort() : freePort.getAsInt();
                plan.add(new ServiceProcess(name, service, port, jar,
                        options.dataDir().resolve(name), options.dataDir().resolve("logs").resolve(name + ".log")));
            }
        }
        return plan;
    }

    void start(String bootstrapServers) throws IOException {
        Files.createDirectories(stateDir);
        process = ProcessSupport.start(List.of(ProcessSupport.javaExecutable(), "-Xmx384m", "-jar", jar.toString()),
                logFile, environment(bootstrapServers));
    }

    Map<String, String> environment(String bootstrapServers) {
        return Map.of(
                "SERVER_PORT", Integer.toString(port),
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "ORDERFLOW_DATA_DIR", stateDir.toString(),
                "ORDERFLOW_ADVERTISED_HOST", ADVERTISED_HOST);
    }

    /** True once the service answers 200 on its readiness probe (503, or no answer, before). */
    boolean isReady() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + ADVERTISED_HOST + ":" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String name() {
        return name;
    }

    OrderflowService service() {
        return service;
    }

    int port() {
        return port;
    }

    Path jar() {
        return jar;
    }

    Path stateDir() {
        return stateDir;
    }

    Path logFile() {
        return logFile;
    }

    String url() {
        return "http://localhost:" + port;
    }

    Process process() {
        return process;
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }
}
