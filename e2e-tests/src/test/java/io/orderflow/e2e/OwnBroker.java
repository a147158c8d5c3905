package io.orderflow.e2e;

import io.orderflow.localstack.KafkaBrokerProcess;
import io.orderflow.testsupport.http.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A broker of a test's own, a child JVM started from the Kafka jars on the test class path: for tests that
 * stop and start it, that need a clean installation, or that put poison on shared topics.
 */
final class OwnBroker {

    private OwnBroker() {
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
