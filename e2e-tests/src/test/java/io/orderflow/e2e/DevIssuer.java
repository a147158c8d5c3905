package io.orderflow.e2e;

import io.orderflow.localstack.DevIssuerProcess;
import io.orderflow.localstack.ProjectDirs;
import io.orderflow.localstack.auth.DevTokens;
import io.orderflow.testsupport.http.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;

/**
 * One dev issuer per test JVM, as {@code TestKafka} has one broker: started on first use from this build's
 * executable jar on a free port, stopped when the JVM exits. Always this build's, whichever build the services
 * run from: an older build (UpgradeIT) has no issuer of its own, and its services ignore the tokens.
 */
final class DevIssuer {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private static volatile Running running;

    private DevIssuer() {
    }

    /** Starts the issuer if needed; the URI the services are told to trust. */
    static URI uri() {
        return running().issuer().issuerUri();
    }

    /** Tokens of the issuer (started if needed), shared by every test of the JVM. */
    static DevTokens tokens() {
        return running().tokens();
    }

    private static Running running() {
        Running current = running;
        if (current == null) {
            synchronized (DevIssuer.class) {
                current = running;
                if (current == null) {
                    current = start();
                    running = current;
                }
            }
        }
        return current;
    }

    private static Running start() {
        DevIssuerProcess issuer;
        try {
            issuer = DevIssuerProcess.forTest(ProjectDirs.projectRoot(), FreePorts.next(),
                    Files.createTempDirectory("orderflow-e2e-issuer-").resolve("dev-issuer.log"));
            issuer.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DevIssuerProcess started = issuer;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.stop(Duration.ofSeconds(10)), "test-issuer-stop"));
        try {
            issuer.awaitReady(READY_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            issuer.kill();
            throw new IllegalStateException("interrupted while the dev issuer started", e);
        } catch (RuntimeException e) {
            issuer.kill();
            throw e;
        }
        return new Running(issuer, DevTokens.at(issuer.issuerUri()));
    }

    private record Running(DevIssuerProcess issuer, DevTokens tokens) {
    }
}
