package io.orderflow.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Another commit of this project, checked out in its own git worktree under
 * {@code benchmarks/target/compare/<short sha>} and built there with {@code ./mvnw package} (never install: the
 * local Maven repository is shared), so a comparison can start its services' executable jars. A worktree whose
 * jars are all there is reused.
 */
final class RefBuild {

    /** @param root the worktree, a build root for {@link Stack} */
    record Build(String ref, String sha, Path root) {

        String shortSha() {
            return sha.substring(0, 12);
        }
    }

    private final Path projectRoot;
    private final PrintStream out;

    RefBuild(Path projectRoot, PrintStream out) {
        this.projectRoot = projectRoot;
        this.out = out;
    }

    /** @throws IllegalArgumentException when {@code ref} names no commit */
    Build prepare(String ref) throws IOException, InterruptedException {
        Command.Result resolved = Command.run(projectRoot, null, "git", "rev-parse", "--verify", "--quiet",
                ref + "^{commit}");
        if (resolved.exitCode() != 0) {
            throw new IllegalArgumentException("--compare: not a commit in " + projectRoot + ": " + ref);
        }
        String sha = resolved.output().strip();
        Path compareDir = projectRoot.resolve("benchmarks").resolve("target").resolve("compare");
        Build build = new Build(ref, sha, compareDir.resolve(sha.substring(0, 12)));
        if (missingJars(build.root()).isEmpty()) {
            out.printf("Comparing with %s (%s): reusing the build in %s%n", ref, build.shortSha(), build.root());
            return build;
        }
        if (!Files.exists(build.root())) {
            Files.createDirectories(compareDir);
            // A worktree directory deleted by a clean leaves an entry behind that would refuse the path.
            Command.run(projectRoot, null, "git", "worktree", "prune").orThrow("git worktree prune");
            Command.run(projectRoot, null, "git", "worktree", "add", "--detach", build.root().toString(), sha)
                    .orThrow("git worktree add");
        }
        Path log = compareDir.resolve(build.shortSha() + "-build.log");
        out.printf("Building %s (%s) in %s (./mvnw package, log in %s)...%n", ref, build.shortSha(), build.root(), log);
        long started = System.nanoTime();
        Command.Result built = Command.run(build.root(), log, build.root().resolve("mvnw").toString(), "-q", "-B",
                "-DskipTests", "package", "-pl", String.join(",", Stack.MODULES), "-am");
        if (built.exitCode() != 0) {
            throw new IllegalStateException("building " + ref + " failed (exit " + built.exitCode() + "); see " + log);
        }
        List<String> missing = missingJars(build.root());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("building " + ref + " made no executable jar for " + missing);
        }
        out.printf("Built %s in %.0f s%n", build.shortSha(), (System.nanoTime() - started) / 1e9);
        return build;
    }

    /** What this checkout is: its commit, with {@code -dirty} when it has uncommitted changes. */
    String describeCurrent() throws IOException, InterruptedException {
        Command.Result described = Command.run(projectRoot, null, "git", "describe", "--always", "--dirty",
                "--abbrev=12");
        return described.exitCode() == 0 ? described.output().strip() : "unknown";
    }

    private static List<String> missingJars(Path root) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String module : Stack.MODULES) {
            Path target = root.resolve(module).resolve("target");
            boolean found = false;
            if (Files.isDirectory(target)) {
                try (var files = Files.list(target)) {
                    found = files.anyMatch(p -> p.getFileName().toString().matches(module + "-.*-exec\\.jar"));
                }
            }
            if (!found) {
                missing.add(module);
            }
        }
        return missing;
    }

    /** A child process run to its end. */
    private static final class Command {

        record Result(int exitCode, String output) {

            Result orThrow(String what) {
                if (exitCode != 0) {
                    throw new IllegalStateException(what + " failed (exit " + exitCode + "): " + output.strip());
                }
                return this;
            }
        }

        /** @param log where the output goes; null to capture it in the result */
        static Result run(Path dir, Path log, String... command) throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            if (log != null) {
                builder.redirectOutput(log.toFile());
            }
            Process process = builder.start();
            String output = log == null ? new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    : "";
            return new Result(process.waitFor(), output);
        }
    }
}
