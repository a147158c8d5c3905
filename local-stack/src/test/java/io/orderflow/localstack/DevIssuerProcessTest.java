package io.orderflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevIssuerProcessTest {

    private static final Path ROOT = Path.of("/src/orderflow");

    @Test
    void theStacksIssuerRunsThisVersionsJarOnItsPortAndLogsBesideTheServices() {
        DevIssuerProcess issuer = DevIssuerProcess.plan(StackOptions.parse(List.of("--data-dir", "/d"), ROOT), ROOT,
                "1.2.3");

        assertThat(issuer.jar()).isEqualTo(ROOT.resolve("dev-issuer/target/dev-issuer-1.2.3-exec.jar"));
        assertThat(issuer.logFile()).isEqualTo(Path.of("/d/logs/dev-issuer.log"));
        assertThat(issuer.port()).isEqualTo(9000);
        assertThat(issuer.issuerUri()).hasToString("http://localhost:9000");
        assertThat(issuer.pid()).isEqualTo(-1);
        assertThat(issuer.isAlive()).isFalse();
    }

    @Test
    void itIsToldItsPortAndTheIssuerUriItPutsInItsTokens() {
        DevIssuerProcess issuer = DevIssuerProcess.plan(StackOptions.parse(List.of("--issuer-port", "19000"), ROOT),
                ROOT, "v");

        assertThat(issuer.environment()).containsOnly(
                Map.entry("SERVER_PORT", "19000"),
                Map.entry("ORDERFLOW_DEV_ISSUER_URI", "http://localhost:19000"));
        assertThat(issuer.issuerUri()).hasToString("http://localhost:19000");
    }

    @Test
    void aTestsIssuerFindsTheExecutableJarOfTheBuild(@TempDir Path root) throws Exception {
        Path target = Files.createDirectories(root.resolve("dev-issuer/target"));
        Files.createFile(target.resolve("dev-issuer-0.1.0-SNAPSHOT.jar"));
        Files.createFile(target.resolve("dev-issuer-0.1.0-SNAPSHOT-exec.jar"));

        DevIssuerProcess issuer = DevIssuerProcess.forTest(root, 4567, root.resolve("issuer.log"));

        assertThat(issuer.jar()).isEqualTo(target.resolve("dev-issuer-0.1.0-SNAPSHOT-exec.jar"));
        assertThat(issuer.issuerUri()).hasToString("http://localhost:4567");
        assertThat(issuer.logFile()).isEqualTo(root.resolve("issuer.log"));
    }

    @Test
    void aBuildWithoutTheModuleHasNoIssuer(@TempDir Path root) throws Exception {
        assertThat(DevIssuerProcess.isPartOf(root)).isFalse();
        assertThatThrownBy(() -> DevIssuerProcess.forTest(root, 4567, root.resolve("issuer.log")))
                .hasMessageContaining("no executable jar in " + root.resolve("dev-issuer/target"));

        Files.createDirectories(root.resolve("dev-issuer"));
        Files.writeString(root.resolve("dev-issuer/pom.xml"), "<project/>");
        assertThat(DevIssuerProcess.isPartOf(root)).isTrue();
    }

    @Test
    void readyOnceTheDiscoveryDocumentAnswers200() throws Exception {
        HttpServer fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fake.createContext("/", exchange -> {
            int status = exchange.getRequestURI().getPath().equals("/.well-known/openid-configuration") ? 200 : 404;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        fake.start();
        try {
            DevIssuerProcess issuer = new DevIssuerProcess(fake.getAddress().getPort(), Path.of("unused.jar"),
                    Path.of("unused.log"));
            assertThat(issuer.isReady()).isTrue();
            assertThat(issuer.discoveryUri()).hasToString(issuer.issuerUri() + "/.well-known/openid-configuration");
        } finally {
            fake.stop(0);
        }
    }

    @Test
    void anIssuerAnsweringSomethingElseIsNotReadyAndSaysWhatItAnswered() throws Exception {
        HttpServer fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fake.createContext("/", exchange -> {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        fake.start();
        try {
            DevIssuerProcess issuer = new DevIssuerProcess(fake.getAddress().getPort(), Path.of("unused.jar"),
                    Path.of("unused.log"));
            assertThat(issuer.isReady()).isFalse();
            assertThat(issuer.notReadyReason()).isEqualTo(issuer.discoveryUri() + " answers 401");
        } finally {
            fake.stop(0);
        }
    }

    @Test
    void notReadyWhileNothingAnswersAndAnIssuerNeverStartedFailsItsWait(@TempDir Path dir) {
        DevIssuerProcess issuer = new DevIssuerProcess(ProcessSupport.freePort(), Path.of("unused.jar"),
                dir.resolve("issuer.log"));

        assertThat(issuer.isReady()).isFalse();
        assertThat(issuer.discoveryStatus()).isEqualTo(-1);
        assertThat(issuer.notReadyReason()).isEqualTo("nothing answers at " + issuer.issuerUri());
        assertThatThrownBy(() -> issuer.awaitReady(Duration.ofSeconds(5))).hasMessageContaining("never started");
        assertThat(issuer.stop(Duration.ofSeconds(1))).isTrue();
    }
}
