package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RefBuild on a throw-away git repository whose mvnw only makes empty jars (no Maven, no network). */
class RefBuildTest {

    @TempDir
    Path repo;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private RefBuild builds;

    @BeforeEach
    void aRepositoryWithTwoCommits() throws Exception {
        StringBuilder script = new StringBuilder("#!/bin/sh\necho \"$@\" >> \"$(dirname \"$0\")/../mvnw-calls\"\n");
        for (String module : Stack.MODULES) {
            script.append("mkdir -p ").append(module).append("/target && touch ").append(module).append("/target/")
                    .append(module).append("-0.1.0-SNAPSHOT-exec.jar\n");
        }
        Files.writeString(repo.resolve("mvnw"), script);
        Files.setPosixFilePermissions(repo.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(repo.resolve(".gitignore"), "benchmarks/target/\n");
        git("init", "-q");
        git("add", ".");
        git("commit", "-q", "-m", "first");
        git("tag", "v1");
        Files.writeString(repo.resolve("README"), "second\n");
        git("add", ".");
        git("commit", "-q", "-m", "second");
        builds = new RefBuild(repo, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @Test
    void checksTheRefOutInItsOwnWorktreeAndPackagesItsServices() throws Exception {
        String sha = git("rev-parse", "v1");

        RefBuild.Build build = builds.prepare("v1");

        assertThat(build.sha()).isEqualTo(sha);
        assertThat(build.root()).isEqualTo(repo.resolve("benchmarks/target/compare").resolve(sha.substring(0, 12)));
        assertThat(build.root().resolve("README")).doesNotExist();
        assertThat(build.root().resolve("orders-service/target/orders-service-0.1.0-SNAPSHOT-exec.jar")).exists();
        assertThat(Files.readAllLines(build.root().resolveSibling("mvnw-calls"))).containsExactly(
                "-q -B -DskipTests package -pl " + String.join(",", Stack.MODULES) + " -am");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("Building v1", "Built");
    }

    @Test
    void aRefWithTheDevIssuerModuleHasItBuiltAndReusedOnlyWithItsJar() throws Exception {
        Files.createDirectories(repo.resolve("dev-issuer"));
        Files.writeString(repo.resolve("dev-issuer/pom.xml"), "<project/>\n");
        Files.writeString(repo.resolve("mvnw"), Files.readString(repo.resolve("mvnw"))
                + "case \"$*\" in *dev-issuer*) mkdir -p dev-issuer/target && touch dev-issuer/target/dev-issuer-0.1.0-SNAPSHOT-exec.jar;; esac\n");
        git("add", ".");
        git("commit", "-q", "-m", "with the dev issuer");

        RefBuild.Build build = builds.prepare("HEAD");

        assertThat(Files.readAllLines(build.root().resolveSibling("mvnw-calls"))).containsExactly(
                "-q -B -DskipTests package -pl " + String.join(",", Stack.MODULES) + ",dev-issuer -am");
        assertThat(build.root().resolve("dev-issuer/target/dev-issuer-0.1.0-SNAPSHOT-exec.jar")).exists();
        assertThat(RefBuild.modules(build.root())).endsWith("dev-issuer");

        // Without the issuer's jar the build is not complete.
        Files.delete(build.root().resolve("dev-issuer/target/dev-issuer-0.1.0-SNAPSHOT-exec.jar"));
        builds.prepare("HEAD");
        assertThat(Files.readAllLines(build.root().resolveSibling("mvnw-calls"))).hasSize(2);
    }

    @Test
    void aRefFromBeforeTheDevIssuerBuildsTheServicesOnly() throws Exception {
        RefBuild.Build build = builds.prepare("v1");

        assertThat(RefBuild.modules(build.root())).containsExactlyElementsOf(Stack.MODULES);
    }

    @Test
    void reusesABuildWhoseJarsAreThere() throws Exception {
        RefBuild.Build first = builds.prepare("HEAD~1");

        RefBuild.Build again = builds.prepare("v1");

        assertThat(again.root()).isEqualTo(first.root());
        assertThat(Files.readAllLines(first.root().resolveSibling("mvnw-calls"))).hasSize(1);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("reusing the build");
    }

    @Test
    void aRefThatIsNoCommitIsABadOption() {
        assertThatThrownBy(() -> builds.prepare("no-such-branch")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-branch");
    }

    @Test
    void describesTheCurrentCheckoutWithItsUncommittedChanges() throws Exception {
        String head = git("rev-parse", "--short=12", "HEAD");
        assertThat(builds.describeCurrent()).isEqualTo(head);

        Files.writeString(repo.resolve("README"), "changed\n");
        assertThat(builds.describeCurrent()).isEqualTo(head + "-dirty");
    }

    private String git(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=test",
                "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main", "-c", "tag.gpgSign=false",
                "-c", "commit.gpgSign=false"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + output);
        }
        return output;
    }
}
