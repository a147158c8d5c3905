package io.orderflow.bench;

import io.orderflow.events.serde.EventJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a run measured, as written to {@code report.json} and printed as tables.
 *
 * @param authentication whether the requests carried bearer tokens, and whose
 * @param headline the figures the issue asks for, in one place
 * @param profile  with --profile: where each service's CPU went in the maximum-rate window (else null)
 */
record Report(String startedAt, Machine machine, BenchOptions options, Authentication authentication,
        BrokerLimit.Result brokerLimit, List<Phase> phases, Checks checks, Headline headline,
        Map<String, CpuProfile.ServiceProfile> profile) {

    Report withProfile(Map<String, CpuProfile.ServiceProfile> profile) {
        return new Report(startedAt, machine, options, authentication, brokerLimit, phases, checks, headline, profile);
    }

    /**
     * @param authenticated  every request carried a bearer token (false: a build without a dev issuer, none)
     * @param issuer         the dev issuer the tokens came from; null when none
     * @param customerTokens customers with a token of their own, fetched before the load
     * @param description    the same in words
     */
    record Authentication(boolean authenticated, String issuer, int customerTokens, String description) {

        static Authentication of(BenchTokens tokens, Workload workload) {
            return new Authentication(tokens.authenticated(), tokens.authenticated() ? tokens.issuer().toString() : null,
                    tokens.authenticated() ? workload.customerIds().size() : 0, tokens.describe());
        }
    }

    /** The machine the run shared with whatever else was running (see the load averages). */
    record Machine(int cores, long memoryMib, String java, String loadAverageAtStart, String loadAverageAtEnd) {
    }

    /**
     * One measured window.
     *
     * @param finalPerSec       orders reaching SHIPPED or REJECTED per second of the window (by event time)
     * @param messagesPerSec    every message the suite wrote per second (all topics, internal ones included)
     * @param mibPerSec         bytes the broker's logs grew by per second (all topics), in MiB
     * @param ratioToBrokerLimit {@code messagesPerSec} over the broker's limit (null when it was not measured)
     * @param machineCpuBusyPercent share of all cores busy with anything during the window
     * @param otherCpuPercent   CPU (% of one core) used by processes that are not part of the run: the machine
     *                          is shared, and this says how much of it the run did not have
     * @param suiteCpuMsPerFinalOrder CPU time of the broker and the five services per order that reached a final
     *                          state: what an order costs, whatever else shares the machine
     * @param benchmarkCpuMsPerFinalOrder the benchmark's own CPU time (load generator, order tracker, sampling) per
     *                          final order: what the measurement takes from the machine it measures
     */
    record Phase(String name, String mode, String startedAt, String endedAt, double seconds, double targetRate, long ordersSent, long ordersMissed,
            double maxScheduleLagMs, double postedPerSec, double finalPerSec, double shippedPerSec,
            double rejectedPerSec, Map<String, Long> httpErrors, Map<String, Latencies.Summary> latencyMs,
            Map<String, Latencies.Summary> hopsMs, double messagesPerSec, double messagesPerFinalOrder,
            Map<String, Double> messagesPerSecByTopic, double mibPerSec, Map<String, Double> mibPerSecByTopic,
            Double ratioToBrokerLimit, List<ProcessSampler.Usage> processes,
            double machineCpuBusyPercent, double otherCpuPercent, String loadAverageAtStart,
            String loadAverageAtEnd, double suiteCpuMsPerFinalOrder, double benchmarkCpuMsPerFinalOrder) {
    }

    /** What the correctness checks found. */
    record Checks(boolean passed, long failureCount, List<String> failures, Map<String, Long> outcomes,
            long ordersChecked, int productsChecked, int accountsChecked) {
    }

    /** The questions answered; the targets are for this 2-core machine with everything on it. */
    record Headline(Double brokerLimitMessagesPerSec, double sustainedOrdersPerSec, double sustainedShippedPerSec,
            double suiteMessagesPerSec, Double ratioToBrokerLimit, double halfRateOrdersPerSec,
            Latencies.Summary postToValidatedAtHalfRate, Latencies.Summary postToShippedAtHalfRate,
            boolean targetThroughputMet, boolean targetLatencyMet) {
    }

    void writeJson(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, EventJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this));
    }

    void print(PrintStream out) {
        out.println();
        out.println("=".repeat(100));
        out.printf("Machine: %d cores, %,d MiB, Java %s; load average %s at start, %s at end%n", machine.cores(),
                machine.memoryMib(), machine.java(), machine.loadAverageAtStart(), machine.loadAverageAtEnd());
        out.println("Instances: " + options.instances());
        out.println("Requests authenticated: " + (authentication.authenticated() ? "yes, " : "no, ")
                + authentication.description());
        if (brokerLimit != null) {
            out.printf("Broker limit (records of %.0f bytes): producer idempotent %,.0f/s, transactional %,.0f/s; "
                            + "consumer read_committed %,.0f/s%n", brokerLimit.averageRecordBytes(),
                    brokerLimit.idempotentProducer().recordsPerSec(),
                    brokerLimit.transactionalProducer().recordsPerSec(), brokerLimit.consumer().fetchRecordsPerSec());
        }
        for (Phase phase : phases) {
            out.println();
            out.printf("Phase %s (%s, %.0f s%s): %,d orders sent%s%n", phase.name(), phase.mode(), phase.seconds(),
                    phase.targetRate() > 0 ? String.format(", target %.1f orders/s", phase.targetRate()) : "",
                    phase.ordersSent(), phase.ordersMissed() > 0
                            ? String.format(" (%,d due but not sent; schedule lag up to %.0f ms)", phase.ordersMissed(),
                                    phase.maxScheduleLagMs()) : "");
            out.printf("  throughput: POST %.1f/s, final %.1f/s (shipped %.1f/s, rejected %.1f/s), HTTP errors %s%n",
                    phase.postedPerSec(), phase.finalPerSec(), phase.shippedPerSec(), phase.rejectedPerSec(),
                    phase.httpErrors().isEmpty() ? "none" : phase.httpErrors());
            out.printf("  messages: %,.0f/s written by the suite (%.1f per final order)%s%n", phase.messagesPerSec(),
                    phase.messagesPerFinalOrder(), phase.ratioToBrokerLimit() == null ? ""
                            : String.format(", %.1f%% of the broker's limit", 100 * phase.ratioToBrokerLimit()));
            out.printf("  %-28s %8s %9s %9s %9s %9s%n", "latency (ms)", "count", "p50", "p95", "p99", "max");
            phase.latencyMs().forEach((name, s) -> row(out, name, s));
            out.printf("  %-28s %8s %9s %9s %9s %9s%n", "per hop (shipped orders)", "", "", "", "", "");
            phase.hopsMs().forEach((name, s) -> row(out, name, s));
            double finals = phase.finalPerSec() * phase.seconds();
            out.printf("  %-20s %8s %9s %13s %10s %7s %7s%n", "process", "pid", "CPU %", "CPU ms/order", "RSS MiB",
                    "JIT %", "GC %");
            double cpu = 0;
            double jit = 0;
            double gc = 0;
            for (ProcessSampler.Usage usage : phase.processes()) {
                out.printf("  %-20s %8d %9.1f %13.1f %10.0f %7.1f %7.1f%n", usage.name(), usage.pid(), usage.cpuPercent(),
                        finals > 0 ? 1000 * usage.cpuSeconds() / finals : 0, usage.rssMibMax(),
                        percentOf(usage.jitSeconds(), usage.cpuSeconds()), percentOf(usage.gcSeconds(), usage.cpuSeconds()));
                if (!usage.name().equals(MeasuredWindow.BENCHMARK)) {
                    cpu += usage.cpuSeconds();
                    jit += usage.jitSeconds();
                    gc += usage.gcSeconds();
                }
            }
            out.printf("  (JIT %% and GC %%: share of each process's CPU in its compiler and collector threads; the suite's:"
                    + " JIT %.1f%%, GC %.1f%%)%n", percentOf(jit, cpu), percentOf(gc, cpu));
            if (percentOf(jit, cpu) > WARM_JIT_PERCENT) {
                out.printf("  NOT WARM: the JIT compilers took more than %.0f%% of the suite's CPU; these figures are largely"
                        + " warm-up (use a longer --warmup)%n", WARM_JIT_PERCENT);
            }
            out.printf("  the suite (broker and services) used %.1f ms of CPU per final order, the benchmark itself %.2f ms%n",
                    phase.suiteCpuMsPerFinalOrder(), phase.benchmarkCpuMsPerFinalOrder());
            out.printf("  machine CPU busy %.0f%% of %d cores, %.0f%% of one core used by other processes; load %s -> %s%n",
                    phase.machineCpuBusyPercent(), machine.cores(), phase.otherCpuPercent(),
                    phase.loadAverageAtStart(), phase.loadAverageAtEnd());
            out.println("  busiest topics (messages/s): " + phase.messagesPerSecByTopic());
            out.printf("  bytes written: %.2f MiB/s; by topic (MiB/s): %s%n", phase.mibPerSec(), phase.mibPerSecByTopic());
        }
        if (profile != null) {
            out.println();
            out.println("Where the CPU went in the maximum-rate window (Java Flight Recorder samples, % of each service's):");
            profile.forEach((service, p) -> {
                out.printf("  %-20s %,6d samples; areas %s%n", service, p.samples(), p.areas());
                out.printf("  %-20s hottest methods %s%n", "", p.topMethods());
            });
        }
        out.println();
        out.printf("Checks: %s (%,d orders, %d products, %d accounts); outcomes %s%n",
                checks.passed() ? "PASSED" : "FAILED (" + checks.failureCount() + ")", checks.ordersChecked(),
                checks.productsChecked(), checks.accountsChecked(), checks.outcomes());
        checks.failures().forEach(f -> out.println("  FAIL " + f));
        out.println();
        out.printf("Headline: broker limit %s msgs/s; sustained %.1f orders/s final (%.1f shipped); suite writes %,.0f msgs/s"
                        + " = %s of the broker's limit%n",
                headline.brokerLimitMessagesPerSec() == null ? "n/a"
                        : String.format("%,.0f", headline.brokerLimitMessagesPerSec()),
                headline.sustainedOrdersPerSec(), headline.sustainedShippedPerSec(), headline.suiteMessagesPerSec(),
                headline.ratioToBrokerLimit() == null ? "n/a"
                        : String.format("%.1f%%", 100 * headline.ratioToBrokerLimit()));
        out.printf("          at %.1f orders/s (open loop): POST->VALIDATED p50/p95/p99 %.0f/%.0f/%.0f ms, "
                        + "POST->SHIPPED %.0f/%.0f/%.0f ms%n", headline.halfRateOrdersPerSec(),
                headline.postToValidatedAtHalfRate().p50(), headline.postToValidatedAtHalfRate().p95(),
                headline.postToValidatedAtHalfRate().p99(), headline.postToShippedAtHalfRate().p50(),
                headline.postToShippedAtHalfRate().p95(), headline.postToShippedAtHalfRate().p99());
        out.printf("          targets: >= 1,000 shipped/s sustained: %s; p99 POST->SHIPPED < 500 ms at half rate: %s%n",
                headline.targetThroughputMet() ? "met" : "NOT met", headline.targetLatencyMet() ? "met" : "NOT met");
        out.println("=".repeat(100));
    }

    /** Above this share of the suite's CPU in JIT compiler threads a window is reported as not warm. */
    static final double WARM_JIT_PERCENT = 15;

    private static double percentOf(double part, double whole) {
        return whole > 0 ? 100 * part / whole : 0;
    }

    private static void row(PrintStream out, String name, Latencies.Summary s) {
        out.printf("  %-28s %8d %9.1f %9.1f %9.1f %9.1f%n", name, s.count(), s.p50(), s.p95(), s.p99(), s.max());
    }
}
