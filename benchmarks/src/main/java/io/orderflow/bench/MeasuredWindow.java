package io.orderflow.bench;

import io.orderflow.events.order.OrderState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One measured window: offsets, CPU and times at its start and end. */
final class MeasuredWindow {

    /** The name the benchmark's own process has among the sampled ones. */
    static final String BENCHMARK = "benchmark";

    private final String name;
    private final String mode;
    private final double targetRate;
    private final long startMicros;
    private final Map<String, Long> offsetsBefore;
    private final Map<String, Long> bytesBefore;
    private final Map<String, Long> errorsBefore;
    private final String loadBefore;
    private long endMicros;
    private Map<String, Long> offsetsAfter;
    private Map<String, Long> bytesAfter;
    private List<ProcessSampler.Usage> usage;
    private double machineBusy;
    private String loadAfter;
    private long sent;
    private long missed;
    private double maxLagMs;
    private Map<String, Long> errors;

    private MeasuredWindow(String name, String mode, double targetRate, Map<String, Long> offsetsBefore,
            Map<String, Long> bytesBefore, Map<String, Long> errorsBefore) {
        this.name = name;
        this.mode = mode;
        this.targetRate = targetRate;
        this.offsetsBefore = offsetsBefore;
        this.bytesBefore = bytesBefore;
        this.errorsBefore = errorsBefore;
        this.loadBefore = ProcStat.loadAverage();
        this.startMicros = Micros.now();
    }

    static MeasuredWindow open(String name, String mode, double targetRate, TopicTraffic traffic, ProcessSampler sampler,
            LoadGenerator generator) {
        MeasuredWindow window = new MeasuredWindow(name, mode, targetRate, traffic.endOffsets(), traffic.logBytes(),
                generator.errors());
        sampler.startWindow();
        return window;
    }

    void close(long sent, long missed, double maxLagMs, TopicTraffic traffic, ProcessSampler sampler,
            LoadGenerator generator) {
        endMicros = Micros.now();
        offsetsAfter = traffic.endOffsets();
        bytesAfter = traffic.logBytes();
        usage = sampler.usageSoFar();
        machineBusy = sampler.machineBusyPercentSoFar();
        loadAfter = ProcStat.loadAverage();
        this.sent = sent;
        this.missed = missed;
        this.maxLagMs = maxLagMs;
        Map<String, Long> now = generator.errors();
        errors = new LinkedHashMap<>();
        now.forEach((k, v) -> {
            long delta = v - errorsBefore.getOrDefault(k, 0L);
            if (delta > 0) {
                errors.put(k, delta);
            }
        });
    }

    private double cpuMsPerOrder(java.util.function.Predicate<ProcessSampler.Usage> processes, long finals) {
        return finals > 0 ? 1000 * usage.stream().filter(processes).mapToDouble(ProcessSampler.Usage::cpuSeconds).sum()
                / finals : 0;
    }

    private static java.time.Instant instant(long micros) {
        return java.time.Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
    }

    double seconds() {
        return (endMicros - startMicros) / 1e6;
    }

    double finalPerSec(OrderTracker tracker) {
        return tracker.all().stream().filter(o -> inWindow(o.finalMicros())).count() / seconds();
    }

    private boolean inWindow(long micros) {
        return micros != TrackedOrder.NONE && micros >= startMicros && micros < endMicros;
    }

    Report.Phase result(OrderTracker tracker, Double limitRate) {
        double seconds = seconds();
        long posted = 0;
        long finals = 0;
        long shipped = 0;
        for (TrackedOrder o : tracker.all()) {
            if (o.httpStatus() == 201 && inWindow(o.postMicros())) {
                posted++;
            }
            if (inWindow(o.finalMicros())) {
                finals++;
                if (o.finalState() == OrderState.SHIPPED) {
                    shipped++;
                }
            }
        }
        Map<String, Long> written = TopicTraffic.delta(offsetsBefore, offsetsAfter);
        double messagesPerSec = TopicTraffic.total(written) / seconds;
        Map<String, Double> byTopic = new LinkedHashMap<>();
        TopicTraffic.top(written, 12).forEach(e -> byTopic.put(e.getKey(), Math.round(e.getValue() / seconds * 10) / 10.0));
        Map<String, Long> bytes = TopicTraffic.delta(bytesBefore, bytesAfter);
        Map<String, Double> mibByTopic = new LinkedHashMap<>();
        TopicTraffic.top(bytes, 8).forEach(e -> mibByTopic.put(e.getKey(),
                Math.round(e.getValue() / seconds / 1024 / 1024 * 100) / 100.0));
        Latencies latencies = Latencies.of(tracker.all(), name);
        return new Report.Phase(name, mode, instant(startMicros).toString(), instant(endMicros).toString(), seconds, targetRate, sent, missed, maxLagMs, posted / seconds,
                finals / seconds, shipped / seconds, (finals - shipped) / seconds, errors, latencies.endToEnd(),
                latencies.hops(), messagesPerSec, finals > 0 ? messagesPerSec * seconds / finals : 0, byTopic,
                TopicTraffic.total(bytes) / seconds / 1024 / 1024, mibByTopic,
                limitRate == null ? null : messagesPerSec / limitRate, usage, machineBusy,
                Math.max(0, machineBusy * Runtime.getRuntime().availableProcessors()
                        - usage.stream().mapToDouble(ProcessSampler.Usage::cpuPercent).sum()),
                loadBefore, loadAfter, cpuMsPerOrder(u -> !u.name().equals(BENCHMARK), finals),
                cpuMsPerOrder(u -> u.name().equals(BENCHMARK), finals));
    }
}
