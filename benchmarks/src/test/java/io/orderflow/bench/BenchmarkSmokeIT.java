package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.serde.EventJson;
import io.orderflow.localstack.ProjectDirs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark as CI runs it: a few seconds of each phase at a low rate on the real stack (a broker and the
 * five services as child JVMs, two orders-service instances sharing the POSTs). Not a measurement: it proves
 * the whole command works and that its correctness checks pass, so a change that breaks the flow or the
 * benchmark is caught. Every request carries a token of this build's dev issuer.
 */
class BenchmarkSmokeIT {

    @Test
    void aShortRunPassesEveryCheckAndWritesItsReport() throws Exception {
        Path out = Path.of("target", "smoke").toAbsolutePath();
        BenchOptions options = BenchOptions.parse(List.of("--warmup", "2s", "--duration", "6s", "--open-duration",
                "5s", "--rate", "10", "--clients", "8", "--max-in-flight", "100", "--customers", "20",
                "--products", "12", "--broker-records", "3000", "--drain-timeout", "60s", "--instances",
                "orders-service=2", "--out", out.toString()),
                out);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new TeeStream(console, System.out), true, StandardCharsets.UTF_8);

        Report report = new Benchmark(options, ProjectDirs.projectRoot(), tee).run();

        assertThat(report.checks().failures()).isEmpty();
        assertThat(report.checks().passed()).isTrue();
        assertThat(report.checks().outcomes()).containsKey("SHIPPED");
        // This build runs its dev issuer: every request carried a token (a 401 would have failed the checks).
        assertThat(report.authentication().authenticated()).isTrue();
        assertThat(report.authentication().customerTokens()).isEqualTo(25);
        assertThat(report.brokerLimit().transactionalProducer().records()).isEqualTo(3000);
        assertThat(report.brokerLimit().limitMessagesPerSec()).isPositive();

        Report.Phase max = report.phases().get(0);
        Report.Phase open = report.phases().get(1);
        // Per-second rates of a 6 s window may be 0 on a slow, shared machine (orders take longer than that);
        // the orders each phase placed have all finished after its drain, so their latencies are there.
        assertThat(max.latencyMs().get(Latencies.POST_TO_SHIPPED).count()).isPositive();
        assertThat(max.latencyMs().get(Latencies.HTTP_POST).count()).isEqualTo(max.ordersSent());
        assertThat(max.messagesPerSec()).isPositive();
        assertThat(max.ratioToBrokerLimit()).isPositive();
        assertThat(max.processes()).extracting(ProcessSampler.Usage::name).containsExactly("kafka",
                "orders-service", "orders-service-2", "basket-service", "payment-service", "stock-service",
                "fulfillment-service", "benchmark");
        assertThat(max.processes()).allSatisfy(p -> assertThat(p.rssMibMax()).isPositive());
        assertThat(open.targetRate()).isEqualTo(10);
        assertThat(open.latencyMs().get(Latencies.POST_TO_SHIPPED).count()).isPositive();

        Path json = out.resolve("report.json");
        JsonNode written = EventJson.MAPPER.readTree(Files.readString(json));
        assertThat(written.get("checks").get("passed").asBoolean()).isTrue();
        assertThat(written.get("headline").get("postToShippedAtHalfRate").get("p99").asDouble()).isPositive();
        assertThat(out.resolve("hgrm").resolve("open-post-to-shipped.hgrm")).isNotEmptyFile();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("Checks: PASSED").contains("Headline:")
                .contains("Requests authenticated: yes");
        assertThat(written.get("authentication").get("authenticated").asBoolean()).isTrue();
    }

    /** Keeps the console output for the assertions and still shows it in the test's output file. */
    private static final class TeeStream extends java.io.OutputStream {

        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
