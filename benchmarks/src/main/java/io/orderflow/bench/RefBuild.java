package io.orderflow.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import io.orderflow.localstack.DevIssuerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Another commit of this project, checked out in its own git worktree under
 * {@code benchmarks/target/compare/<short sha>} and built there with {@code ./mvnw package} (never install: the
 * local Maven repository is shared), so a comparison can start its services' executable jars, and its dev
 * issuer's when it has the module. A worktree whose jars are all there is reused.
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
                "-DskipTests", "package", "-pl", String.join(",", modules(build.root())), "-am");
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

    /** The services, and the dev issuer in a build that has one (none from before the OAuth2 work). */
    static List<String> modules(Path root) {
        List<String> modules = new ArrayList<>(Stack.MODULES);
        if (DevIssuerProcess.isPartOf(root)) {
            modules.add(DevIssuerProcess.MODULE);
        }
        return modules;
    }

    private static List<String> missingJars(Path root) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String module : modules(root)) {
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
