package io.orderflow.localstack;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the broker and the services share as child JVMs. */
final class ProcessSupport {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private ProcessSupport() {
    }

    /** The JVM running the launcher, so children need nothing but the Java that started us. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Starts a child with its output appended to {@code logFile}.
     *
     * <p>The child runs in its own session when {@code setsid} exists: otherwise Ctrl-C in the terminal
     * signals every child at once, and the broker would go down while the services still flush and commit.
     * setsid execs in place (a freshly spawned child is never a group leader), so the pid stays the JVM's.
     */
    static Process start(List<String> command, Path logFile, Map<String, String> env) throws IOException {
        Files.createDirectories(logFile.getParent());
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        return builder.start();
    }

    /**
     * SIGTERM, then SIGKILL after {@code grace}. Callers stopping several processes send all the SIGTERMs
     * first (see {@link #awaitOrKill}) so the grace periods overlap.
     */
    static boolean stop(Process process, Duration grace) {
        process.destroy();
        return awaitOrKill(process, grace);
    }

    /** @return true if the process ended within {@code grace}, false if it had to be killed */
    static boolean awaitOrKill(Process process, Duration grace) {
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** A port free right now; good enough for a local stack (nothing else races us for it). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean portInUse(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    static List<String> tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Deque<String> last = new ArrayDeque<>(lines);
        // Logs can hold bytes that are not UTF-8 (native crash output); never fail on them.
        try (Stream<String> stream = new BufferedReader(new InputStreamReader(
                Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE))).lines()) {
            stream.forEach(line -> {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            });
        } catch (IOException | UncheckedIOException e) {
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
        return List.copyOf(last);
    }

    static void printTail(Path file, int lines) {
        System.err.println("---- last " + lines + " lines of " + file + " ----");
        tail(file, lines).forEach(System.err::println);
        System.err.println("---- end of " + file + " ----");
    }
}
