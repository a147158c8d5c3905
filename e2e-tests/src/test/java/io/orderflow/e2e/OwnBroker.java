package io.orderflow.e2e;

import io.orderflow.localstack.KafkaBrokerProcess;
import io.orderflow.testsupport.http.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A broker of a test's own, a child JVM started from the Kafka jars on the test class path: for tests that
 * stop and start it, that need a clean installation, or that put poison on shared topics.
 */
final class OwnBroker implements AutoCloseable {

    private final KafkaBrokerProcess broker;
    private final Suite suite;

    private OwnBroker(KafkaBrokerProcess broker, Suite suite) {
        this.broker = broker;
        this.suite = suite;
    }

    /** A broker of its own under a new temporary directory named {@code prefix...}, and the five services on it. */
    static OwnBroker withTheSuite(String prefix) throws IOException {
        KafkaBrokerProcess broker = start(Files.createTempDirectory(prefix));
        try {
            return new OwnBroker(broker, Suite.start(Suite.ALL, Map.of(), broker.bootstrapServers()));
        } catch (RuntimeException e) {
            broker.stop(Duration.ofSeconds(30));
            throw e;
        }
    }

    KafkaBrokerProcess broker() {
        return broker;
    }

    Suite suite() {
        return suite;
    }

    /**
     * An own broker with the suite for one test class: {@code @RegisterExtension static final OwnBroker.ForTheClass
     * OWN = new OwnBroker.ForTheClass("prefix-")}, started before its first test and stopped after its last.
     */
    static final class ForTheClass implements BeforeAllCallback, AfterAllCallback {

        private final String prefix;
        private OwnBroker own;

        ForTheClass(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            own = withTheSuite(prefix);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (own != null) {
                own.close();
            }
        }

        KafkaBrokerProcess broker() {
            return own.broker();
        }

        Suite suite() {
            return own.suite();
        }
    }

    /** Stops the services, then the broker. */
    @Override
    public void close() {
        suite.close();
        broker.stop(Duration.ofSeconds(30));
    }

    /** Starts a one-node KRaft broker keeping its log under {@code dir}, and waits until it answers. */
    static KafkaBrokerProcess start(Path dir) {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dir, FreePorts.next(), FreePorts.next(),
                System.getProperty("java.class.path"));
        try {
            broker.start();
            broker.awaitReady(Duration.ofSeconds(90));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the broker started", e);
        }
        return broker;
    }
}
