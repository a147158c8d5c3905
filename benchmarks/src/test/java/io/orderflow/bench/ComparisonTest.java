package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.events.serde.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The comparison's plan and bookkeeping, with a stand-in for the benchmark runs. */
class ComparisonTest {

    @TempDir
    Path out;

    private final Path currentRoot = Path.of("/checkouts/current");
    private final Path refRoot = Path.of("/checkouts/main");
    private final List<BenchOptions> asked = new ArrayList<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void alternatesTheBuildsCurrentFirstAndRunsEveryOpenLoopAtTheFirstRunsRate() throws Exception {
        Comparison.ComparisonReport report = comparison(List.of("--compare", "main", "--repeat", "3"), options -> {
            // As the benchmark does: the open loop at half the maximum unless a rate is given.
            double max = options.buildRoot().equals(currentRoot) ? 1000 : 100;
            return figures(max, options.rate() > 0 ? options.rate() : max / 2);
        }).run();

        assertThat(asked).extracting(BenchOptions::buildRoot).containsExactly(currentRoot, refRoot, currentRoot,
                refRoot, currentRoot, refRoot);
        assertThat(asked).extracting(BenchOptions::rate).containsExactly(0.0, 500.0, 500.0, 500.0, 500.0, 500.0);
        assertThat(asked).allSatisfy(o -> {
            assertThat(o.compareRef()).isNull();
            assertThat(o.outDir().getParent()).isEqualTo(out.resolve("runs"));
        });
        assertThat(asked).extracting(o -> o.outDir().getFileName().toString()).containsExactly("current-1",
                "ref-9d1eea9c1f2a-1", "current-2", "ref-9d1eea9c1f2a-2", "current-3", "ref-9d1eea9c1f2a-3");
        assertThat(report.openLoopRate()).isEqualTo(500);
        assertThat(report.passed()).isTrue();
        assertThat(report.table().get(0).ratio()).isEqualTo(10.0);

        JsonNode json = EventJson.MAPPER.readTree(Files.readString(out.resolve("compare.json")));
        assertThat(json.get("runs")).hasSize(6);
        assertThat(json.get("table").get(0).get("ratio").asDouble()).isEqualTo(10.0);
        assertThat(json.get("ref").asString()).isEqualTo("main (9d1eea9c1f2a)");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("Comparison run 1 of 6: current (abc-dirty)",
                "Comparison run 6 of 6: main (9d1eea9c1f2a), round 3 of 3", "elapsed", "10.00x");
    }

    @Test
    void saysForEachBuildWhetherItsRequestsWereAuthenticated() throws Exception {
        // The current build runs its dev issuer; the older one has none and gets no tokens.
        comparison(List.of("--compare", "main", "--repeat", "1"),
                options -> figures(100, 50, options.buildRoot().equals(currentRoot))).run();

        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("current: 1 of 1 runs finished, 1 passed every check; requests authenticated: yes")
                .contains("main: 1 of 1 runs finished, 1 passed every check; requests authenticated: no (no dev issuer");
    }

    @Test
    void aGivenRateIsTheRateOfEveryRun() throws Exception {
        comparison(List.of("--compare", "main", "--repeat", "2", "--rate", "40"), options -> figures(100, 40)).run();

        assertThat(asked).extracting(BenchOptions::rate).containsOnly(40.0);
    }

    @Test
    void aRunThatCouldNotFinishIsReportedAndLeftOutOfTheMedians() throws Exception {
        Comparison.ComparisonReport report = comparison(List.of("--compare", "main", "--repeat", "2"), options -> {
            if (asked.size() == 2) {
                throw new IllegalStateException("broker did not start");
            }
            return figures(options.buildRoot().equals(currentRoot) ? 1000 : 100, 500);
        }).run();

        assertThat(report.allFinished()).isFalse();
        assertThat(report.passed()).isFalse();
        assertThat(report.runs().get(1).error()).contains("broker did not start");
        assertThat(report.runs().get(1).figures()).isNull();
        assertThat(report.table().get(0).ref()).isEqualTo(100);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("main: 1 of 2 runs finished");
    }

    @Test
    void aRunWhoseChecksFailedFailsTheComparison() throws Exception {
        Comparison.ComparisonReport report = comparison(List.of("--compare", "main", "--repeat", "1"),
                options -> new RunFigures(100, 10, 0.1, 50, 50, 10, 50, 300, 600, !options.buildRoot().equals(refRoot),
                        true))
                .run();

        assertThat(report.allFinished()).isTrue();
        assertThat(report.passed()).isFalse();
    }

    private Comparison comparison(List<String> args, Comparison.Runner runner) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--out", out.toString()));
        BenchOptions options = BenchOptions.parse(all, out);
        return new Comparison(options, new Comparison.Side("current", "abc-dirty", currentRoot),
                new Comparison.Side("main", "9d1eea9c1f2a", refRoot), o -> {
                    asked.add(o);
                    return runner.run(o);
                }, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private static RunFigures figures(double maxOrdersPerSec, double openLoopRate) {
        return figures(maxOrdersPerSec, openLoopRate, true);
    }

    private static RunFigures figures(double maxOrdersPerSec, double openLoopRate, boolean authenticated) {
        return new RunFigures(maxOrdersPerSec, 10_000 / maxOrdersPerSec, 0.1, 50, openLoopRate, 10, 50, 300, 600, true,
                authenticated);
    }
}
