package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.events.order.OrderLine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final Path OUT = Path.of("/tmp/bench-out");

    @Test
    void defaultsMeasureAMinuteOfEachLoopAtHalfTheMaximumAfterThreeMinutesOfWarmUp() {
        BenchOptions options = BenchOptions.defaults(OUT);

        assertThat(options.warmup()).as("the JIT of six JVMs on two cores needs minutes").isEqualTo(Duration.ofMinutes(3));
        assertThat(options.closedDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.openDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.rate()).isZero();
        assertThat(options.rateFraction()).isEqualTo(0.5);
        assertThat(options.clients()).isEqualTo(64);
        assertThat(options.outDir()).isEqualTo(OUT);
        assertThat(options.instances()).hasSize(5).allSatisfy((service, n) -> assertThat(n).isEqualTo(1));
        assertThat(options.buildRoot()).isNull();
        assertThat(options.compareRef()).isNull();
        assertThat(options.repeat()).isEqualTo(3);
    }

    @Test
    void comparesWithAGitRefAFewTimesEach() {
        BenchOptions options = BenchOptions.parse(List.of("--compare", "v1.2", "--repeat=5", "--rate", "30"), OUT);

        assertThat(options.compareRef()).isEqualTo("v1.2");
        assertThat(options.repeat()).isEqualTo(5);
        assertThat(BenchOptions.parse(List.of("--compare=main~3"), OUT).repeat()).isEqualTo(3);
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--repeat", "2"), OUT)).hasMessageContaining("--compare");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--compare", "main", "--repeat", "0"), OUT))
                .hasMessageContaining("--repeat");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--compare"), OUT)).hasMessageContaining("needs a value");
    }

    @Test
    void oneRunOfAComparisonIsAPlainRunOnAnotherBuildAtAFixedRate() {
        BenchOptions compare = BenchOptions.parse(List.of("--compare", "main", "--clients", "16", "--build-root",
                "/tmp/other/../checkout"), OUT);
        assertThat(compare.buildRoot()).isEqualTo(Path.of("/tmp/checkout"));

        BenchOptions run = compare.forRun(Path.of("/tmp/ref"), Path.of("/tmp/out/runs/ref-1"), 45.5);

        assertThat(run.compareRef()).isNull();
        assertThat(run.repeat()).isEqualTo(1);
        assertThat(run.buildRoot()).isEqualTo(Path.of("/tmp/ref"));
        assertThat(run.outDir()).isEqualTo(Path.of("/tmp/out/runs/ref-1"));
        assertThat(run.rate()).isEqualTo(45.5);
        assertThat(run.clients()).isEqualTo(16);
    }

    @Test
    void runsSeveralInstancesOfTheServicesItIsToldTo() {
        BenchOptions options = BenchOptions.parse(List.of("--instances", "all=2", "--instances=stock-service=3"), OUT);

        assertThat(options.instances()).containsEntry("orders-service", 2).containsEntry("stock-service", 3)
                .containsEntry("fulfillment-service", 2);
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--instances", "stocks=2"), OUT))
                .hasMessageContaining("Unknown service: stocks");
    }

    @Test
    void readsBothFlagStylesAndEveryUnit() {
        BenchOptions options = BenchOptions.parse(List.of("--rate", "120", "--duration=2m", "--warmup", "500ms",
                "--clients=8", "--customers", "40", "--products", "20", "--broker-records", "0",
                "--service-jvm-options", "-XX:+UseParallelGC", "--seed", "7", "--profile",
                "--service-env", "KAFKA_COMMIT_INTERVAL_MS=50", "--service-env=LOGGING_LEVEL_ROOT=WARN"), OUT);

        assertThat(options.rate()).isEqualTo(120);
        assertThat(options.closedDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.clients()).isEqualTo(8);
        assertThat(options.customers()).isEqualTo(40);
        assertThat(options.products()).isEqualTo(20);
        assertThat(options.brokerRecords()).isZero();
        assertThat(options.serviceJvmOptions()).isEqualTo("-XX:+UseParallelGC");
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.profile()).isTrue();
        assertThat(options.serviceEnv()).containsEntry("KAFKA_COMMIT_INTERVAL_MS", "50")
                .containsEntry("LOGGING_LEVEL_ROOT", "WARN");
    }

    @Test
    void theOpenLoopLastsAsLongAsTheClosedLoopUnlessToldOtherwise() {
        assertThat(BenchOptions.parse(List.of("--duration", "30"), OUT).openDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(BenchOptions.parse(List.of("--duration", "30", "--open-duration", "10s"), OUT).openDuration())
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void helpIsNull() {
        assertThat(BenchOptions.parse(List.of("--help"), OUT)).isNull();
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--clients", "0"), OUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--rate-fraction", "1.5"), OUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--duration", "soon"), OUT))
                .hasMessageContaining("not a duration");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--rate"), OUT)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--fast", "yes"), OUT)).hasMessageContaining("Unknown option");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--service-env", "=1"), OUT)).hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--products", "4"), OUT)).hasMessageContaining("--products >= 5");
    }

    @Test
    void runsTheHotKeyWorkload() {
        BenchOptions options = BenchOptions.parse(List.of("--customers", "10", "--products", "5"), OUT);

        assertThat(options.customers()).isEqualTo(10);
        assertThat(options.products()).isEqualTo(5);
        Workload hot = new Workload(10, 5, 1);
        for (long n = 0; n < 1_000; n++) {
            List<String> products = hot.order(n).lines().stream().map(OrderLine::productId).toList();
            assertThat(products).doesNotHaveDuplicates();
            assertThat(products).allMatch(p -> hot.stock().containsKey(p) || hot.unknownProducts().contains(p));
        }
    }
}
