package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(ComparisonTable.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(ComparisonTable.median(List.of(4.0, 1.0, 3.0, 100.0))).isEqualTo(3.5);
        assertThat(ComparisonTable.median(List.of(7.0))).isEqualTo(7.0);
        assertThat(ComparisonTable.median(List.of())).isNull();
    }

    @Test
    void eachFigureIsTheRatioOfTheMediansCurrentOverRef() {
        List<RunFigures> current = List.of(figures(1000, 2.0), figures(900, 2.4), figures(1100, 1.0));
        List<RunFigures> ref = List.of(figures(100, 20.0), figures(90, 19.0), figures(5, 100.0));

        ComparisonTable table = ComparisonTable.of(current, ref);

        ComparisonTable.Row orders = row(table, "max orders/s (final)");
        assertThat(orders.current()).isEqualTo(1000);
        assertThat(orders.ref()).isEqualTo(90);
        assertThat(orders.ratio()).isCloseTo(11.11, within(0.01));
        assertThat(orders.better()).isEqualTo("higher");
        ComparisonTable.Row cpu = row(table, "CPU ms per order (suite)");
        assertThat(cpu.ratio()).isCloseTo(0.1, within(1e-9));
        assertThat(cpu.better()).isEqualTo("lower");
        assertThat(table.rows()).extracting(ComparisonTable.Row::figure).containsExactly("max orders/s (final)",
                "CPU ms per order (suite)", "CPU ms per order (benchmark)", "messages per order",
                "HTTP POST p50 ms (open loop)", "HTTP POST p99 ms (open loop)", "POST->SHIPPED p50 ms (open loop)",
                "POST->SHIPPED p99 ms (open loop)");
    }

    @Test
    void noRatioWithoutRunsOrAgainstZero() {
        ComparisonTable table = ComparisonTable.of(List.of(figures(10, 1.0)), List.of());
        assertThat(row(table, "max orders/s (final)").ref()).isNull();
        assertThat(row(table, "max orders/s (final)").ratio()).isNull();

        assertThat(row(ComparisonTable.of(List.of(figures(10, 1.0)), List.of(figures(0, 1.0))),
                "max orders/s (final)").ratio()).isNull();
    }

    @Test
    void printsOneLinePerFigure() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ComparisonTable.of(List.of(figures(1000, 2.0)), List.of(figures(100, 20.0)))
                .print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "current", "main");

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("current", "main")
                .containsPattern("max orders/s \\(final\\) +1,000 +100 +10\\.00x +higher")
                .containsPattern("CPU ms per order \\(suite\\) +2\\.00 +20\\.00 +0\\.10x +lower");
    }

    static RunFigures figures(double ordersPerSec, double cpuMs) {
        return new RunFigures(ordersPerSec, cpuMs, 0.1, 50, 500, 10, 50, 300, 600, true, true);
    }

    private static ComparisonTable.Row row(ComparisonTable table, String figure) {
        return table.rows().stream().filter(r -> r.figure().equals(figure)).findFirst().orElseThrow();
    }
}
