package io.orderflow.bench;

import java.io.PrintStream;

/** The line printed every few seconds while orders flow. */
final class ProgressLine {

    private final PrintStream out;
    private final OrderTracker tracker;
    private final LoadGenerator generator;
    private final ProcessSampler sampler;
    private volatile String phase;
    private long phaseStartNanos;
    private long lastSent;
    private long lastFinals;
    private long lastNanos;

    ProgressLine(PrintStream out, OrderTracker tracker, LoadGenerator generator, ProcessSampler sampler) {
        this.out = out;
        this.tracker = tracker;
        this.generator = generator;
        this.sampler = sampler;
    }

    synchronized void phase(String name) {
        phase = name;
        phaseStartNanos = System.nanoTime();
    }

    synchronized void print() {
        try {
            if (phase == null) {
                return;
            }
            sampler.sample();
            long now = System.nanoTime();
            long sent = generator.sent();
            long finals = tracker.finals();
            double seconds = lastNanos == 0 ? 0 : (now - lastNanos) / 1e9;
            StringBuilder cpu = new StringBuilder();
            for (ProcessSampler.Usage u : sampler.usageSoFar()) {
                cpu.append(' ').append(u.name().replace("-service", "")).append(String.format(" %.0f%%", u.cpuPercent()));
            }
            out.printf("  [%-6s %4.0fs] sent %,d (%.0f/s) final %,d (%.0f/s) shipped %,d unfinished %,d errors %d |%s"
                            + " | load %s%n", phase, (now - phaseStartNanos) / 1e9, sent,
                    seconds > 0 ? (sent - lastSent) / seconds : 0, finals,
                    seconds > 0 ? (finals - lastFinals) / seconds : 0, tracker.shipped(),
                    sent - finals - generator.errorCount(), generator.errorCount(), cpu, ProcStat.loadAverage());
            lastSent = sent;
            lastFinals = finals;
            lastNanos = now;
        } catch (RuntimeException e) {
            // A progress line must never stop the run.
            out.println("  (progress: " + e + ")");
        }
    }
}
