package io.orderflow.bench;

/**
 * The figures of one run that a comparison compares: the maximum-rate window's throughput and costs, the
 * open-loop window's latencies.
 *
 * @param openLoopRate the open loop's target orders/s (the same for every run of a comparison but the first)
 * @param authenticated the requests carried bearer tokens (a build without a dev issuer gets none)
 */
record RunFigures(double maxOrdersPerSec, double suiteCpuMsPerOrder, double benchmarkCpuMsPerOrder,
        double messagesPerOrder, double openLoopRate, double postP50Ms, double postP99Ms, double postToShippedP50Ms,
        double postToShippedP99Ms, boolean checksPassed, boolean authenticated) {

    static RunFigures of(Report report) {
        Report.Phase max = report.phases().get(0);
        Report.Phase open = report.phases().get(1);
        Latencies.Summary post = open.latencyMs().get(Latencies.HTTP_POST);
        Latencies.Summary shipped = open.latencyMs().get(Latencies.POST_TO_SHIPPED);
        return new RunFigures(max.finalPerSec(), max.suiteCpuMsPerFinalOrder(), max.benchmarkCpuMsPerFinalOrder(),
                max.messagesPerFinalOrder(), open.targetRate(), post.p50(), post.p99(), shipped.p50(), shipped.p99(),
                report.checks().passed(), report.authentication().authenticated());
    }
}
