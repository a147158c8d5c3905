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

/**
 * A program of this build run from its executable jar in a child JVM, logging to a file: how the stack, the
 * end-to-end tests and the benchmark run the services and the dev issuer. One place for starting, stopping,
 * killing and asking it over HTTP whether it is up.
 */
final class ChildJvm {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Path jar;
    private final Path logFile;
    private Process process;

    ChildJvm(Path jar, Path logFile) {
        this.jar = jar;
        this.logFile = logFile;
    }

    /** {@code <projectRoot>/<module>/target/<module>-*-exec.jar}, for a build of any version; fails if not built. */
    static Path execJar(Path projectRoot, String module) {
        Path target = projectRoot.resolve(module).resolve("target");
        try (var jars = Files.list(target)) {
            return jars.filter(p -> p.getFileName().toString().matches(module + "-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar in " + target + "; build first"));
        } catch (IOException e) {
            throw new IllegalStateException("no executable jar in " + target + "; build first", e);
        }
    }

    /** Starts {@code java <jvmOptions> -jar <jar>} with {@code env} added to this process's environment. */
    void start(List<String> jvmOptions, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessSupport.javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        process = ProcessSupport.start(command, logFile, env);
    }

    /** What {@code GET uri} answers now; -1 when nothing answers within 2 s. */
    static int httpStatus(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGTERM: a clean shutdown. Pair with {@link #awaitStop}. */
    void signalStop() {
        if (process != null) {
            process.destroy();
        }
    }

    /** Waits for the process to end, killing it after {@code grace}; true if it ended by itself. */
    boolean awaitStop(Duration grace) {
        return process == null || ProcessSupport.awaitOrKill(process, grace);
    }

    /** SIGTERM, then SIGKILL after {@code grace}; true if it ended by itself. */
    boolean stop(Duration grace) {
        return process == null || ProcessSupport.stop(process, grace);
    }

    /** SIGKILL, as a crash: no shutdown hooks, nothing closed cleanly. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    List<String> logTail(int lines) {
        return ProcessSupport.tail(logFile, lines);
    }

    Path jar() {
        return jar;
    }

    Path logFile() {
        return logFile;
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
