package io.orderflow.bench;

import io.orderflow.events.serde.EventJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Before and after as a ratio from one command: the benchmark on this build and on another one (a git ref built
 * by {@link RefBuild}), back to back and alternating, current first, {@code --repeat} times each, every run on a
 * fresh stack; then the median of each build's runs and their ratio ({@link ComparisonTable}), printed and
 * written to {@code compare.json}.
 *
 * <p>Only the services change between the builds: the load generator, the tracker and the checks are this
 * build's code in every run, and every open loop runs at the same rate, {@code --rate} or the one the first run
 * found (its maximum times {@code --rate-fraction}), so the latencies are compared at the same load. A build with
 * a dev issuer runs its own and every request carries a token; a build from before the OAuth2 work has none and
 * gets none (its services check no tokens), so the ratios then include what authentication costs.
 */
final class Comparison {

    /** One benchmark run with the given options. */
    interface Runner {
        RunFigures run(BenchOptions options) throws Exception;
    }

    /**
     * A build taking part.
     *
     * @param name   its column in the table: {@code current}, or the ref as given
     * @param commit the commit it was built from ({@code -dirty}: with uncommitted changes)
     * @param root   the checkout its services start from
     */
    record Side(String name, String commit, Path root) {

        @Override
        public String toString() {
            return name + " (" + commit + ")";
        }
    }

    private final BenchOptions options;
    private final Side current;
    private final Side ref;
    private final Runner runner;
    private final PrintStream out;

    Comparison(BenchOptions options, Side current, Side ref, Runner runner, PrintStream out) {
        this.options = options;
        this.current = current;
        this.ref = ref;
        this.runner = runner;
        this.out = out;
    }

    ComparisonReport run() throws IOException {
        String startedAt = Instant.now().toString();
        long started = System.nanoTime();
        int total = 2 * options.repeat();
        double rate = options.rate();
        out.printf("Comparison: %s against %s, %d runs of each, alternating; each run %d s of load plus start-up "
                        + "and drains%n", current, ref, options.repeat(),
                options.warmup().plus(options.closedDuration()).plus(options.openDuration()).toSeconds());
        List<ComparisonReport.Run> runs = new ArrayList<>();
        List<RunFigures> currentFinished = new ArrayList<>();
        List<RunFigures> refFinished = new ArrayList<>();
        for (int round = 1; round <= options.repeat(); round++) {
            for (Side side : List.of(current, ref)) {
                int number = runs.size() + 1;
                out.printf("%n=== Comparison run %d of %d: %s, round %d of %d; %s elapsed; open loop at %s ===%n",
                        number, total, side, round, options.repeat(), elapsed(started),
                        rate > 0 ? String.format("%.1f orders/s", rate)
                                : String.format("%.0f%% of this run's maximum", 100 * options.rateFraction()));
                Path outDir = options.outDir().resolve("runs").resolve(runName(side, round));
                RunFigures figures = null;
                String error = null;
                try {
                    figures = runner.run(options.forRun(side.root(), outDir, rate));
                } catch (Exception e) {
                    error = e.toString();
                    out.printf("Comparison run %d of %d could not finish: %s%n", number, total, error);
                }
                runs.add(new ComparisonReport.Run(number, side.name(), round, outDir.toString(), figures, error));
                if (figures != null) {
                    (side == current ? currentFinished : refFinished).add(figures);
                }
                if (rate <= 0 && figures != null) {
                    rate = figures.openLoopRate();
                    out.printf("Every further open loop runs at %.1f orders/s, as this one did%n", rate);
                }
            }
        }
        ComparisonTable table = ComparisonTable.of(currentFinished, refFinished);
        ComparisonReport report = new ComparisonReport(startedAt, elapsed(started), current.toString(),
                ref.toString(), ref.root().toString(), options.repeat(), rate, options, runs, table.rows());
        report.writeJson(options.outDir().resolve("compare.json"));
        print(report, table, currentFinished, refFinished);
        return report;
    }

    private void print(ComparisonReport report, ComparisonTable table, List<RunFigures> currentFinished,
            List<RunFigures> refFinished) {
        out.println();
        out.println("=".repeat(100));
        out.printf("Comparison of %s with %s, %d runs each, open loops at %.1f orders/s, %s%n",
                current, ref, options.repeat(), report.openLoopRate(), report.elapsed());
        for (Side side : List.of(current, ref)) {
            List<RunFigures> finished = side == current ? currentFinished : refFinished;
            long authenticated = finished.stream().filter(RunFigures::authenticated).count();
            out.printf("  %s: %d of %d runs finished, %d passed every check; requests authenticated: %s%n",
                    side.name(), finished.size(), options.repeat(), finished.stream().filter(RunFigures::checksPassed)
                            .count(), finished.isEmpty() ? "n/a" : authenticated == finished.size() ? "yes"
                            : authenticated == 0 ? "no (no dev issuer in that build)" : authenticated + " of the runs");
        }
        table.print(out, current.name(), ref.name());
        out.println("Ratios are current / " + ref.name() + ". Runs: " + options.outDir().resolve("runs")
                + "; table: " + options.outDir().resolve("compare.json"));
        out.println("=".repeat(100));
    }

    private String runName(Side side, int round) {
        return (side == current ? "current" : "ref-" + side.commit()) + "-" + round;
    }

    private static String elapsed(long startedNanos) {
        long seconds = (System.nanoTime() - startedNanos) / 1_000_000_000L;
        return String.format("%d min %02d s", seconds / 60, seconds % 60);
    }

    /**
     * What compare.json holds.
     *
     * @param openLoopRate the open-loop rate of every run after the first (and of the first, with --rate)
     */
    record ComparisonReport(String startedAt, String elapsed, String current, String ref, String refRoot, int repeat,
            double openLoopRate, BenchOptions options, List<Run> runs, List<ComparisonTable.Row> table) {

        /** @param figures null when the run could not finish ({@code error} says why) */
        record Run(int number, String build, int round, String outDir, RunFigures figures, String error) {
        }

        /** Every run finished and passed its checks. */
        boolean passed() {
            return runs.stream().allMatch(r -> r.figures() != null && r.figures().checksPassed());
        }

        boolean allFinished() {
            return runs.stream().allMatch(r -> r.figures() != null);
        }

        void writeJson(Path file) throws IOException {
            Files.createDirectories(file.getParent());
            Files.writeString(file, EventJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this));
        }
    }
}
